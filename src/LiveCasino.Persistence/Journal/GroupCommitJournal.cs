using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using LiveCasino.Persistence.Stores;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using AkkaAtomicWrite = Akka.Persistence.AtomicWrite;
using StoreAtomicWrite = LiveCasino.Stores.Journal.AtomicWrite;

namespace LiveCasino.Persistence.Journal;

/// <summary>
/// Akka.Persistence journal over LiveCasino's SQLite or PostgreSQL store. Every persistent actor's
/// WriteMessages goes into the store's one group-commit queue, so one transaction carries the
/// writes of hundreds of actors. Contract (pinned by tests/LiveCasino.Persistence.Tests): a write
/// that cannot be serialized is rejected alone and the actor lives on; any storage failure or a
/// second writer of the same sequence numbers faults the call and stops the actor; writes of one
/// persistence id are stored in order; reading the highest sequence number waits for that id's
/// writes in flight, so a restarting actor never reuses a number.
/// </summary>
public sealed class GroupCommitJournal : AsyncWriteJournal
{
    private readonly Task<OpenStore> _store;
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    public GroupCommitJournal(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _store = StoreRegistry.For(Context.System).GetAsync(config.GetString("store"));
    }

    protected override Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AkkaAtomicWrite> messages, CancellationToken cancellationToken)
    {
        var requested = messages as IReadOnlyCollection<AkkaAtomicWrite> ?? messages.ToList();
        var rejections = new Exception?[requested.Count];
        var writes = new List<StoreAtomicWrite>(requested.Count);
        var slots = new List<int>(requested.Count);
        var i = 0;
        foreach (var message in requested)
        {
            try
            {
                writes.Add(Encode(message));
                slots.Add(i);
            }
            catch (EventSerializationException ex)
            {
                rejections[i] = ex;
            }

            i++;
        }

        var task = StoreAsync(writes, slots, rejections, cancellationToken);
        foreach (var write in writes)
        {
            // Before any await: a highest-nr read that arrives now must wait for this write.
            var pid = write.PersistenceId;
            _inFlight[pid] = task;
            _ = task.ContinueWith(
                (t, state) => ((ConcurrentDictionary<string, Task>)state!).TryRemove(KeyValuePair.Create(pid, (Task)t)),
                _inFlight,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return task;
    }

    private async Task<IImmutableList<Exception?>> StoreAsync(List<StoreAtomicWrite> writes, List<int> slots, Exception?[] rejections, CancellationToken cancellationToken)
    {
        if (writes.Count > 0)
        {
            var store = await _store.ConfigureAwait(false);
            var results = await store.Journal.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
            for (var w = 0; w < results.Count; w++)
            {
                switch (results[w].Status)
                {
                    case WriteStatus.Failed:
                        // Akka's contract: a storage failure fails the whole call, and the actor stops.
                        throw results[w].Error!;
                    case WriteStatus.Rejected:
                        rejections[slots[w]] = results[w].Error;
                        break;
                }
            }
        }

        return Array.TrueForAll(rejections, r => r is null) ? null! : rejections.ToImmutableList();
    }

    private static StoreAtomicWrite Encode(AkkaAtomicWrite message)
    {
        var payload = (IImmutableList<IPersistentRepresentation>)message.Payload;
        var events = new PersistentEvent[payload.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var p = payload[i];
            var (body, tags) = p.Payload is Tagged tagged
                ? (tagged.Payload, (IReadOnlyList<string>)[.. tagged.Tags])
                : (p.Payload, []);
            var at = p.Timestamp > 0 ? new DateTimeOffset(p.Timestamp, TimeSpan.Zero) : DateTimeOffset.UtcNow;
            events[i] = new PersistentEvent(p.PersistenceId, p.SequenceNr, body, at, tags, p.WriterGuid ?? string.Empty);
        }

        return new StoreAtomicWrite(events);
    }

    public override async Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        var store = await _store.ConfigureAwait(false);
        await foreach (var e in store.Journal.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, CancellationToken.None).ConfigureAwait(false))
        {
            recoveryCallback(ToRepresentation(e));
        }
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_inFlight.TryGetValue(persistenceId, out var pending))
        {
            // The outcome is the writer's business; here it only has to be settled.
            await pending.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        var store = await _store.ConfigureAwait(false);
        return await store.Journal.ReadHighestSequenceNrAsync(persistenceId, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        var store = await _store.ConfigureAwait(false);
        await store.Journal.DeleteEventsToAsync(persistenceId, toSequenceNr, cancellationToken).ConfigureAwait(false);
    }

    internal static Persistent ToRepresentation(PersistentEvent e) =>
        new(e.Payload, e.SequenceNr, e.PersistenceId, manifest: string.Empty, isDeleted: false, sender: ActorRefs.NoSender, writerGuid: e.WriterId, timestamp: e.Timestamp.UtcTicks);
}
