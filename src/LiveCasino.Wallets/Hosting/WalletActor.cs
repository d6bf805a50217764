using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;
using LiveCasino.Sharding;
using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>
/// One player's wallet: a persistent entity of the wallet region around <see cref="WalletState"/>.
/// For each command it first releases reservations whose expiry has come (persisted), then
/// decides; an event is persisted before it is applied and before the reply, so an answer is never
/// given for something a crash could undo. Akka's <c>Persist</c> holds later commands until the
/// event is stored, so commands are decided one at a time in arrival order. Every rejection is a
/// reply; a journal failure stops the entity without answering, and the caller's retry (same
/// operation id) is answered by the next incarnation, which recovers from the journal.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Actors are not disposable; the timers are disposed in PostStop.")]
internal sealed class WalletActor : ReceivePersistentActor
{
    private static readonly string[] Tags = [WalletDirectory.Tag];
    private const string ExpiryTimer = "expiry";
    private readonly string _playerId;
    private readonly WalletOptions _options;
    private readonly TimeProvider _time;
    private readonly WalletState _state;
    private readonly ClockTimers _timers;
    private long _snapshotNr;

    public WalletActor(string playerId, WalletOptions options, TimeProvider time)
    {
        _playerId = playerId;
        _options = options;
        _time = time;
        _state = new WalletState(options.Bounds);
        _timers = new ClockTimers(Self, time);
        PersistenceId = WalletDirectory.PersistenceIdOf(playerId);
        Recover<WalletEvent>(e => _state.Apply(e));
        Recover<SnapshotOffer>(offer =>
        {
            _state.Restore((WalletSnapshot)offer.Snapshot);
            _snapshotNr = offer.Metadata.SequenceNr;
        });
        Command<ClockTimers.Tick>(tick =>
        {
            if (_timers.Accept(tick) is WalletCommand due)
            {
                Step(due, ActorRefs.Nobody);
            }
        });
        Command<WalletCommand>(command => Step(command, Sender));
        Command<EntityStop>(_ => Context.Stop(Self));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => Log.Warning(f.Cause, "Snapshot of {0} failed; recovery replays more events", PersistenceId));
    }

    public override string PersistenceId { get; }

    protected override void OnReplaySuccess()
    {
        WalletLog.Recovered(Log, _playerId, LastSequenceNr, _state.Ledger.PendingCount);
        ArmExpiryTimer(_state.NextExpiry());
    }

    protected override void PostStop()
    {
        _timers.Dispose();
        base.PostStop();
    }

    /// <summary>
    /// Releases what has expired (each chunk persisted, then this step again), then decides the
    /// command and persists its event; the reply goes out once the event is stored.
    /// </summary>
    private void Step(WalletCommand command, IActorRef replyTo)
    {
        var now = _time.GetUtcNow();
        if (DueExpiries(now) is { Count: > 0 } expired)
        {
            // Handlers run once per stored event, in order; the events come from the list, not
            // from the journal's answer, whose payload is the Tagged wrapper.
            var next = 0;
            PersistAll(expired.Select(e => new Tagged(e, Tags)), _ =>
            {
                Applied(expired[next++]);
                if (next == expired.Count)
                {
                    WalletLog.Expired(Log, _playerId, expired.Count);
                    Step(command, replyTo);
                }
            });
            return;
        }

        switch (command)
        {
            case ExpireDue:
                ArmExpiryTimer(_state.NextExpiry());
                return;
            case InspectWallet inspect:
                replyTo.Tell(new WalletInspected(inspect.OperationId, _state.Balance, _state.Digest(), LastSequenceNr), Self);
                return;
        }

        var decision = _state.Decide(command, now);
        if (decision.Reply is { } answer)
        {
            replyTo.Tell(answer, Self);
            return;
        }

        var @event = decision.Event!;
        Persist(new Tagged(@event, Tags), _ =>
        {
            var record = Applied(@event) ?? throw new InvalidOperationException($"Event {@event.GetType().Name} recorded no operation.");
            var reply = record.ToReply();
            if (reply is WalletRejected rejected)
            {
                WalletLog.Refused(Log, _playerId, rejected.OperationId, rejected.Reason, rejected.Detail);
            }
            else if (@event is BetReserved reserved && (_timers.DueAt(ExpiryTimer) is not { } due || reserved.ExpiresAt < due))
            {
                ArmExpiryTimer(reserved.ExpiresAt);
            }

            replyTo.Tell(reply, Self);
        });
    }

    /// <summary>Expiries due now, unless the armed timer says the earliest is still ahead (the cheap test).</summary>
    private IReadOnlyList<WalletEvent>? DueExpiries(DateTimeOffset now) =>
        _state.Ledger.PendingCount == 0 || _timers.DueAt(ExpiryTimer) is { } due && due > now
            ? null
            : _state.DueExpiries(now, _options.ExpiriesPerWriteMax);

    /// <summary>
    /// Applies a stored event and snapshots once <see cref="WalletOptions.SnapshotEvery"/> events
    /// lie past the last snapshot, counted by sequence number so the count survives passivation.
    /// </summary>
    private OperationRecord? Applied(WalletEvent @event)
    {
        var record = _state.Apply(@event);
        if (LastSequenceNr - _snapshotNr >= _options.SnapshotEvery)
        {
            _snapshotNr = LastSequenceNr;
            SaveSnapshot(_state.ToSnapshot());
        }

        return record;
    }

    private void ArmExpiryTimer(DateTimeOffset? at)
    {
        if (at is { } due)
        {
            _timers.StartSingleTimer(ExpiryTimer, ExpireDue.Instance, due);
        }
        else
        {
            _timers.Cancel(ExpiryTimer);
        }
    }
}
