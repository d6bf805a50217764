using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using LiveCasino.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>
/// Akka.Persistence.Query through the plugin's read journal: events by persistence id, events by
/// tag with resumable offsets, persistence ids; current and live. Tags come from a write event adapter.
/// </summary>
public abstract class QueryConformance(PluginUnderTest plugin, ITestOutputHelper output) : SerializingConformance(plugin, output)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(20);

    protected IReadJournal ReadJournal => PersistenceQuery.Get(Sys).ReadJournalFor<IReadJournal>(Plugin.QueryId!);

    protected async Task<List<T>> CollectAsync<T>(Source<T, NotUsed> source, int? take = null)
    {
        var bounded = take is { } n ? source.Take(n) : source;
        return [.. await Within(bounded.RunWith(Sink.Seq<T>(), Sys.Materializer()), "the query")];
    }

    /// <summary>The stream's result, or a failure naming what did not finish in time.</summary>
    protected static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(StreamTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what} did not complete within {StreamTimeout}.", ex);
        }
    }

    /// <summary>Persists <paramref name="texts"/> through one writer, each acknowledged before the next.</summary>
    protected void PersistTagged(string pid, string? tag, params string[] texts)
    {
        var monitor = CreateTestProbe();
        var (writer, _) = StartWriter(pid, monitor);
        foreach (var text in texts)
        {
            writer.Tell(new Writer.Write(text, tag), monitor.Ref);
            monitor.ExpectMsg<Writer.Persisted>(p => p.Text == text);
        }

        Sys.Stop(writer);
    }

    [Fact]
    public async Task Current_events_by_persistence_id_returns_the_stored_range_and_completes()
    {
        var pid = Pid("by-id");
        WriteEvents(pid, 1, 5);
        var query = (ICurrentEventsByPersistenceIdQuery)ReadJournal;
        Assert.Equal(Nrs(1, 5), (await CollectAsync(query.CurrentEventsByPersistenceId(pid, 0, long.MaxValue))).Select(e => e.SequenceNr));
        var middle = await CollectAsync(query.CurrentEventsByPersistenceId(pid, 2, 4));
        Assert.Equal(Nrs(2, 4), middle.Select(e => e.SequenceNr));
        Assert.Equal(new TestEvent($"{pid}:3"), middle[1].Event);
        Assert.All(middle, e => Assert.Equal(pid, e.PersistenceId));
    }

    [Fact]
    public async Task Live_events_by_persistence_id_delivers_events_written_later()
    {
        var pid = Pid("by-id-live");
        WriteEvents(pid, 1, 2);
        var query = (IEventsByPersistenceIdQuery)ReadJournal;
        var task = query.EventsByPersistenceId(pid, 0, long.MaxValue).Take(4).RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        WriteEvents(pid, 3, 4);
        var taskResult = await Within(task, "the live query delivered events 3 and 4");
        Assert.Equal(Nrs(1, 4), taskResult.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task Current_events_by_tag_returns_tagged_events_in_offset_order_and_resumes_after_an_offset()
    {
        var tag = TagOf("tag");
        PersistTagged(Pid("tag-a"), tag, "a1", "a2");
        PersistTagged(Pid("untagged"), null, "u1");
        PersistTagged(Pid("tag-b"), tag, "b1");
        var query = (ICurrentEventsByTagQuery)ReadJournal;

        var all = await CollectAsync(query.CurrentEventsByTag(tag, Offset.NoOffset()));
        Assert.Equal(["a1", "a2", "b1"], all.Select(e => ((TestEvent)e.Event).Text));
        var offsets = all.Select(e => ((Sequence)e.Offset).Value).ToList();
        Assert.Equal(offsets.Order(), offsets);

        var rest = await CollectAsync(query.CurrentEventsByTag(tag, all[0].Offset));
        Assert.Equal(["a2", "b1"], rest.Select(e => ((TestEvent)e.Event).Text));
    }

    [Fact]
    public async Task Live_events_by_tag_delivers_events_written_later()
    {
        var tag = TagOf("tag-live");
        PersistTagged(Pid("live-a"), tag, "a1");
        var query = (IEventsByTagQuery)ReadJournal;
        var task = query.EventsByTag(tag, Offset.NoOffset()).Take(3).RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        PersistTagged(Pid("live-b"), tag, "b1", "b2");
        var taskResult = await Within(task, "the live tag query delivered the later events");
        Assert.Equal(["a1", "b1", "b2"], taskResult.Select(e => ((TestEvent)e.Event).Text));
    }

    [Fact]
    public async Task Persistence_ids_lists_each_id_once_and_live_shows_new_ones()
    {
        PersistTagged(Pid("id-1"), null, "x");
        PersistTagged(Pid("id-2"), null, "x", "y");
        var mine = Pid(string.Empty);
        var current = (await CollectAsync(((ICurrentPersistenceIdsQuery)ReadJournal).CurrentPersistenceIds())).Where(id => id.EndsWith(mine, StringComparison.Ordinal)).ToList();
        Assert.Equal([Pid("id-1"), Pid("id-2")], current.Order(StringComparer.Ordinal));

        var live = ((IPersistenceIdsQuery)ReadJournal).PersistenceIds()
            .Where(id => id.EndsWith(mine, StringComparison.Ordinal))
            .Take(3)
            .RunWith(Sink.Seq<string>(), Sys.Materializer());
        PersistTagged(Pid("id-3"), null, "x");
        var liveResult = await Within(live, "the live persistence ids query showed the new id");
        Assert.Equal([Pid("id-1"), Pid("id-2"), Pid("id-3")], liveResult.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tag_follower_sees_every_event_of_concurrent_writers_once_in_offset_order()
    {
        // Many actors commit tagged events at once while a live follower reads: an offset handed
        // out but committed late must not be skipped by a follower that already read past it.
        const int actors = 20;
        const int eventsEach = 25;
        var tag = TagOf("follow");
        var query = (IEventsByTagQuery)ReadJournal;
        var follower = query.EventsByTag(tag, Offset.NoOffset()).Take(actors * eventsEach).RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());

        var monitor = CreateTestProbe();
        var writers = Enumerable.Range(0, actors).Select(a => StartWriter(Pid($"follow-{a}"), monitor).Writer).ToList();
        for (var n = 0; n < eventsEach; n++)
        {
            for (var a = 0; a < actors; a++)
            {
                writers[a].Tell(new Writer.Write($"{a}:{n}", tag), monitor.Ref);
            }
        }

        for (var i = 0; i < actors * eventsEach; i++)
        {
            monitor.ExpectMsg<Writer.Persisted>();
        }

        var seen = await Within(follower, "the follower received every tagged event");
        var offsets = seen.Select(e => ((Sequence)e.Offset).Value).ToList();
        Assert.Equal(offsets.Distinct().Order(), offsets);
        var texts = seen.Select(e => ((TestEvent)e.Event).Text).ToHashSet();
        Assert.Equal(actors * eventsEach, texts.Count);
        Assert.Equal(
            Enumerable.Range(0, actors).SelectMany(a => Enumerable.Range(0, eventsEach).Select(n => $"{a}:{n}")).Order(StringComparer.Ordinal),
            texts.Order(StringComparer.Ordinal));

        // A second follower resuming from the middle sees exactly the rest.
        var middle = seen[seen.Count / 2];
        var rest = await CollectAsync(((ICurrentEventsByTagQuery)ReadJournal).CurrentEventsByTag(tag, middle.Offset));
        Assert.Equal(seen.Skip((seen.Count / 2) + 1).Select(e => e.Offset), rest.Select(e => e.Offset));
    }
}
