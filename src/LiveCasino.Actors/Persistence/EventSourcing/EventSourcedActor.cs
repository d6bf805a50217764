using System.Diagnostics;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Diagnostics;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Snapshots;

namespace LiveCasino.Actors.Persistence.EventSourcing;

/// <summary>
/// An actor whose state is the fold of its events. Recovery loads the latest snapshot and replays
/// the journal after it before any command is handled. A command handler persists events with
/// <see cref="PersistAsync"/> / <see cref="PersistAllAsync"/>: the events are applied to the state
/// only once they are durable, and no other command is handled until then (the mailbox holds them,
/// in order, like Akka's stash during persist). After the await, side effects (replies) are safe.
/// <list type="bullet">
/// <item>PersistAll is atomic: all events stored and applied, or none.</item>
/// <item>A rejected write (cannot serialize) stores and applies nothing; the handler is abandoned
/// there, <see cref="OnPersistRejected"/> runs, and the actor carries on with the next command.</item>
/// <item>A failed write fails the instance; supervision restarts it with backoff and it recovers.</item>
/// <item>Sequence numbers are contiguous and never go down, even after deleting events.</item>
/// </list>
/// </summary>
public abstract class EventSourcedActor<TCommand, TEvent> : Actor<TCommand>, IPersistentActor
    where TCommand : notnull
    where TEvent : notnull
{
    private PersistenceExtension? _persistence;
    private string? _writerId;
    private long _sequenceNr;
    private long _lastSnapshotNr;

    /// <summary>Unique and stable for the entity, e.g. "wallet-player-42".</summary>
    protected abstract string PersistenceId { get; }

    /// <summary>Highest sequence number stored for this entity.</summary>
    protected long LastSequenceNr => _sequenceNr;

    protected bool IsRecovering { get; private set; }

    protected PersistenceExtension Persistence => _persistence ??= PersistenceExtension.Get(Context.System);

    /// <summary>The state transition for one event: deterministic, no side effects (it also runs on replay).</summary>
    protected abstract void ApplyEvent(TEvent @event);

    /// <summary>Handles a command; persist first, then reply.</summary>
    protected abstract ValueTask HandleCommandAsync(TCommand command);

    /// <summary>Tags for the read side (events by tag); none by default.</summary>
    protected virtual IReadOnlyList<string> TagsFor(TEvent @event) => [];

    /// <summary>The state to snapshot (a registered type), or null to skip snapshots.</summary>
    protected virtual object? CreateSnapshot() => null;

    protected virtual void ApplySnapshot(object snapshot)
    {
    }

    protected virtual void OnRecoveryCompleted()
    {
    }

    protected virtual void OnPersistRejected(IReadOnlyList<TEvent> events, Exception error, long sequenceNr) =>
        KernelLog.PersistRejected(Context.Log, error, PersistenceId, sequenceNr);

    protected ValueTask PersistAsync(TEvent @event) => PersistAllAsync([@event]);

    protected async ValueTask PersistAllAsync(IReadOnlyList<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        if (IsRecovering)
        {
            throw new InvalidOperationException($"{PersistenceId} cannot persist while recovering.");
        }

        var persistence = Persistence;
        if (events.Count > persistence.Options.EventsPerWriteMax)
        {
            throw new ArgumentOutOfRangeException(nameof(events), events.Count, $"At most {persistence.Options.EventsPerWriteMax} events per write.");
        }

        var first = _sequenceNr + 1;
        var now = Context.Time.GetUtcNow();
        var batch = new PersistentEvent[events.Count];
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];

                // Serialize here, before anything is applied, so a rejection is known up front.
                batch[i] = new PersistentEvent(PersistenceId, first + i, e, now, TagsFor(e), _writerId!)
                {
                    Serialized = persistence.Serializer.Serialize(e),
                };
            }
        }
        catch (LiveCasino.Stores.Serialization.EventSerializationException ex)
        {
            OnPersistRejected(events, ex, first);
            throw new PersistRejectedException(PersistenceId, first, ex);
        }

        WriteResult result;
        try
        {
            var results = await persistence.Journal.WriteAsync([new AtomicWrite(batch)], CancellationToken.None).ConfigureAwait(false);
            result = results[0];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = WriteResult.Failed(ex);
        }

        switch (result.Status)
        {
            case WriteStatus.Written:
                break;
            case WriteStatus.Rejected:
                OnPersistRejected(events, result.Error!, first);
                throw new PersistRejectedException(PersistenceId, first, result.Error!);
            default:
                KernelLog.PersistFailed(Context.Log, result.Error!, PersistenceId, first);
                throw new PersistFailedException(PersistenceId, first, result.Error!);
        }

        for (var i = 0; i < events.Count; i++)
        {
            ApplyEvent(events[i]);
        }

        _sequenceNr = first + events.Count - 1;
        var every = persistence.Options.SnapshotEvery;
        if (every > 0 && _sequenceNr - _lastSnapshotNr >= every)
        {
            await SaveSnapshotAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Saves a snapshot now, if the actor provides one. A failed save is logged, not fatal.</summary>
    protected async Task SaveSnapshotAsync()
    {
        if (CreateSnapshot() is not { } state)
        {
            return;
        }

        try
        {
            var meta = new SnapshotMetadata(PersistenceId, _sequenceNr, Context.Time.GetUtcNow());
            await Persistence.Snapshots.SaveAsync(meta, state, CancellationToken.None).ConfigureAwait(false);
            _lastSnapshotNr = _sequenceNr;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            KernelLog.SnapshotFailed(Context.Log, ex, PersistenceId, _sequenceNr);
        }
    }

    /// <summary>Deletes journal events up to <paramref name="toSequenceNr"/> (normally covered by a snapshot).</summary>
    protected Task DeleteEventsToAsync(long toSequenceNr) =>
        Persistence.Journal.DeleteEventsToAsync(PersistenceId, Math.Min(toSequenceNr, _sequenceNr), CancellationToken.None);

    protected internal sealed override async ValueTask PreStartAsync()
    {
        var persistence = Persistence;
        _writerId = Context.System.Name + "/" + Self.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await persistence.RecoveryPermits.WaitAsync().ConfigureAwait(false);
        try
        {
            IsRecovering = true;
            await RecoverAsync(persistence).ConfigureAwait(false);
        }
        finally
        {
            IsRecovering = false;
            persistence.RecoveryPermits.Release();
        }

        OnRecoveryCompleted();
    }

    protected internal sealed override async ValueTask ReceiveAsync(TCommand message)
    {
        try
        {
            await HandleCommandAsync(message).ConfigureAwait(false);
        }
        catch (PersistRejectedException)
        {
            // Already reported through OnPersistRejected; nothing was applied, so carry on.
        }
    }

    private async Task RecoverAsync(PersistenceExtension persistence)
    {
        _sequenceNr = 0;
        _lastSnapshotNr = 0;
        var snapshot = await persistence.Snapshots.LoadAsync(PersistenceId, SnapshotCriteria.Latest, CancellationToken.None).ConfigureAwait(false);
        if (snapshot is not null)
        {
            ApplySnapshot(snapshot.State);
            _sequenceNr = snapshot.Metadata.SequenceNr;
            _lastSnapshotNr = _sequenceNr;
        }

        long replayed = 0;
        await foreach (var stored in persistence.Journal.ReplayAsync(PersistenceId, _sequenceNr + 1, long.MaxValue, long.MaxValue, CancellationToken.None).ConfigureAwait(false))
        {
            // Invariant: replay is ascending; after the snapshot (or a deleted prefix) it is contiguous.
            Debug.Assert(stored.SequenceNr > _sequenceNr, "replay goes forward");
            if (replayed > 0 && stored.SequenceNr != _sequenceNr + 1)
            {
                throw new InvalidOperationException($"Journal of '{PersistenceId}' has a gap: {_sequenceNr} is followed by {stored.SequenceNr}.");
            }

            if (stored.Payload is not TEvent e)
            {
                throw new InvalidOperationException($"Journal of '{PersistenceId}' holds {stored.Payload.GetType().Name} at {stored.SequenceNr}, not a {typeof(TEvent).Name}.");
            }

            ApplyEvent(e);
            _sequenceNr = stored.SequenceNr;
            replayed++;
        }

        var highest = await persistence.Journal.ReadHighestSequenceNrAsync(PersistenceId, CancellationToken.None).ConfigureAwait(false);
        _sequenceNr = Math.Max(_sequenceNr, highest);
        KernelLog.Recovered(Context.Log, PersistenceId, _sequenceNr, replayed, _lastSnapshotNr);
    }
}
