using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.Pattern;
using Akka.Persistence.Query;
using Akka.Streams.Dsl;
using Akka.Util;
using LiveCasino.Persistence.Journal;
using LiveCasino.Persistence.Stores;
using LiveCasino.Stores.Journal;

namespace LiveCasino.Persistence.Query;

/// <summary>
/// Akka.Persistence.Query over LiveCasino's stores: events by tag (offsets are the store's gap-free
/// global ordering, as <see cref="Sequence"/>, exclusive on resume), events by persistence id, and
/// persistence ids in first-write order. Live queries poll every <c>refresh-interval</c> on Akka's
/// scheduler and read at most <c>max-buffer-size</c> rows per query. Because a store never makes
/// an offset visible below one already read, a follower that resumes from the last offset it
/// handled never skips a late commit.
/// </summary>
public sealed class LiveCasinoReadJournal :
    IPersistenceIdsQuery,
    ICurrentPersistenceIdsQuery,
    IEventsByPersistenceIdQuery,
    ICurrentEventsByPersistenceIdQuery,
    IEventsByTagQuery,
    ICurrentEventsByTagQuery
{
    private readonly ActorSystem _system;
    private readonly string _storePath;
    private readonly TimeSpan _refreshInterval;
    private readonly int _pageSize;

    public LiveCasinoReadJournal(ExtendedActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        _system = system;
        _storePath = config.GetString("store");
        _refreshInterval = config.GetTimeSpan("refresh-interval", TimeSpan.FromMilliseconds(100));
        _pageSize = config.GetInt("max-buffer-size", 500);
        if (_refreshInterval <= TimeSpan.Zero || _pageSize < 1)
        {
            throw new ConfigurationException("A LiveCasino read journal needs a positive refresh-interval and max-buffer-size.");
        }
    }

    public Source<string, NotUsed> PersistenceIds() => PersistenceIdsFrom(live: true);

    public Source<string, NotUsed> CurrentPersistenceIds() => PersistenceIdsFrom(live: false);

    public Source<EventEnvelope, NotUsed> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr) =>
        EventsOf(persistenceId, fromSequenceNr, toSequenceNr, live: true);

    public Source<EventEnvelope, NotUsed> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr) =>
        EventsOf(persistenceId, fromSequenceNr, toSequenceNr, live: false);

    public Source<EventEnvelope, NotUsed> EventsByTag(string tag, Offset offset) => Tagged(tag, offset, live: true);

    public Source<EventEnvelope, NotUsed> CurrentEventsByTag(string tag, Offset offset) => Tagged(tag, offset, live: false);

    private Source<string, NotUsed> PersistenceIdsFrom(bool live) =>
        Poll(0L, live, (store, after) => store.Journal.ReadPersistenceIdsAsync(after, _pageSize, CancellationToken.None), e => e.Position, _ => false)
            .Select(e => e.PersistenceId);

    private Source<EventEnvelope, NotUsed> EventsOf(string persistenceId, long fromSequenceNr, long toSequenceNr, bool live)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        return Poll<PersistentEvent>(
                Math.Max(0, fromSequenceNr - 1),
                live,
                (store, after) => ReplayPageAsync(store, persistenceId, after + 1, toSequenceNr),
                e => e.SequenceNr,
                e => e.SequenceNr >= toSequenceNr)
            .Select(e => Envelope(e, new Sequence(e.SequenceNr)));
    }

    private async Task<IReadOnlyList<PersistentEvent>> ReplayPageAsync(OpenStore store, string persistenceId, long from, long to)
    {
        var page = new List<PersistentEvent>();
        await foreach (var e in store.Journal.ReplayAsync(persistenceId, from, to, _pageSize, CancellationToken.None).ConfigureAwait(false))
        {
            page.Add(e);
        }

        return page;
    }

    private Source<EventEnvelope, NotUsed> Tagged(string tag, Offset offset, bool live)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var after = offset switch
        {
            null or NoOffset => 0L,
            Sequence s => s.Value,
            _ => throw new ArgumentException($"A LiveCasino read journal takes a Sequence offset or NoOffset, not {offset.GetType().Name}.", nameof(offset)),
        };
        return Poll(after, live, (store, from) => store.Journal.ReadTaggedAsync(tag, from, _pageSize, CancellationToken.None), e => e.Offset, _ => false)
            .Select(e => Envelope(e, new Sequence(e.Offset)));
    }

    private static EventEnvelope Envelope(PersistentEvent e, Offset offset) =>
        new(offset, e.PersistenceId, e.SequenceNr, e.Payload, e.Timestamp.UtcTicks, [.. e.Tags]);

    /// <summary>
    /// Pages through rows after a position. A current query ends at the first empty page; a live one
    /// waits one refresh interval after a short page and reads on. <paramref name="last"/> ends either
    /// once the row it is true for was emitted.
    /// </summary>
    private Source<T, NotUsed> Poll<T>(long after, bool live, Func<OpenStore, long, Task<IReadOnlyList<T>>> read, Func<T, long> position, Func<T, bool> last)
    {
        var start = new PollState(after, Wait: false, Done: false);
        return Source.UnfoldAsync<PollState, IReadOnlyList<T>>(start, async state =>
            {
                if (state.Done)
                {
                    return Option<(PollState, IReadOnlyList<T>)>.None;
                }

                if (state.Wait)
                {
                    await FutureTimeoutSupport.After(_refreshInterval, _system.Scheduler, () => Task.FromResult(Done.Instance)).ConfigureAwait(false);
                }

                var store = await StoreRegistry.For(_system).GetAsync(_storePath).ConfigureAwait(false);
                var page = await read(store, state.After).ConfigureAwait(false);
                if (page.Count == 0 && !live)
                {
                    return Option<(PollState, IReadOnlyList<T>)>.None;
                }

                var next = page.Count == 0 ? state.After : position(page[^1]);
                var done = page.Count > 0 && last(page[^1]);
                return Option<(PollState, IReadOnlyList<T>)>.Create((new PollState(next, Wait: page.Count < _pageSize, done), page));
            })
            .SelectMany(page => page);
    }

    private sealed record PollState(long After, bool Wait, bool Done);
}
