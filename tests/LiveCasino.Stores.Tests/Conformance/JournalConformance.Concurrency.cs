using System.Collections.Concurrent;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Tests.Support;
using Xunit;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>Group commit keeps each writer's order; a tag follower sees every event once, in offset order.</summary>
public abstract partial class JournalConformance
{
    private const int Writers = 50;
    private const int WritesPerWriter = 200;

    [Fact]
    public async Task Group_commit_keeps_per_writer_order_under_many_concurrent_writers()
    {
        var tag = Tag("group");
        var options = new BatchingJournalOptions { QueueCapacity = 1_024, MaxBatchWrites = 500, MaxBatchEvents = 2_000, DisposeInner = false };
        await using (var batching = new BatchingJournal(Journal, options))
        {
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var pid = Pid($"group-{w}");
                for (var nr = 1; nr <= WritesPerWriter; nr++)
                {
                    var results = await batching.WriteAsync([Write(pid, nr, null, tag)], CancellationToken.None).Await($"group commit: writing {nr} of {pid}");
                    Assert.Equal(WriteStatus.Written, results[0].Status);
                }
            }));
            await Task.WhenAll(writers).Await("group commit: all writers finishing");
        }

        for (var w = 0; w < Writers; w++)
        {
            var pid = Pid($"group-{w}");
            var events = await ReplayAsync(pid);
            Assert.Equal(Range(1, WritesPerWriter), Numbers(events));
            Assert.Equal(Range(1, WritesPerWriter).Select(nr => $"{pid}#{nr}"), events.Select(TextOf));
            Assert.Equal(WritesPerWriter, await HighestAsync(pid));
        }

        var tagged = await ReadAllTaggedAsync(tag);
        Assert.Equal(Writers * WritesPerWriter, tagged.Count);
        AssertStrictlyAscendingOffsets(tagged);
        foreach (var stream in tagged.GroupBy(e => e.PersistenceId))
        {
            Assert.Equal(Range(1, WritesPerWriter), Numbers(stream));
        }
    }

    [Fact]
    public async Task Tag_follower_sees_every_event_exactly_once_while_writers_run()
    {
        const int writersPerJournal = 8;
        const int writesPerWriter = 150;
        var tag = Tag("follow");
        var journals = new List<IJournal> { Journal };
        for (var i = 1; i < ConcurrentJournals; i++)
        {
            journals.Add(await OpenJournalAsync().Await($"opening extra journal {i} for the follower test"));
        }

        var writersDone = new CancellationTokenSource();
        var seen = new List<PersistentEvent>();
        var follower = Task.Run(async () =>
        {
            long after = 0;
            while (true)
            {
                // Read the flag before the query: once writers are done, one more empty page means complete.
                var finished = writersDone.IsCancellationRequested;
                var page = await Journal.ReadTaggedAsync(tag, after, 256, CancellationToken.None).Await($"follower: reading {tag} after {after}");
                seen.AddRange(page);
                if (page.Count > 0)
                {
                    after = page[^1].Offset;
                }
                else if (finished)
                {
                    return;
                }
            }
        });

        try
        {
            var batchers = journals.Select(j => new BatchingJournal(j, new BatchingJournalOptions { DisposeInner = false })).ToList();
            var writers = new List<Task>();
            for (var j = 0; j < batchers.Count; j++)
            {
                for (var w = 0; w < writersPerJournal; w++)
                {
                    var batching = batchers[j];
                    var pid = Pid($"follow-{j}-{w}");
                    writers.Add(Task.Run(async () =>
                    {
                        for (var nr = 1; nr <= writesPerWriter; nr++)
                        {
                            var results = await batching.WriteAsync([Write(pid, nr, null, tag)], CancellationToken.None).Await($"follower test: writing {nr} of {pid}");
                            Assert.Equal(WriteStatus.Written, results[0].Status);
                        }
                    }));
                }
            }

            await Task.WhenAll(writers).Await("follower test: writers finishing");
            foreach (var batching in batchers)
            {
                await batching.DisposeAsync().AsTask().Await("follower test: disposing a batching journal");
            }
        }
        finally
        {
            writersDone.Cancel();
            await follower.Await("follower test: follower catching up after the writers");
            for (var i = 1; i < journals.Count; i++)
            {
                await journals[i].DisposeAsync().AsTask().Await($"disposing extra journal {i}");
            }
        }

        var expected = journals.Count * writersPerJournal * writesPerWriter;
        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, seen.Select(e => (e.PersistenceId, e.SequenceNr)).Distinct().Count());
        AssertStrictlyAscendingOffsets(seen);
        foreach (var stream in seen.GroupBy(e => e.PersistenceId))
        {
            Assert.Equal(Range(1, writesPerWriter), Numbers(stream));
        }
    }

    private static void AssertStrictlyAscendingOffsets(List<PersistentEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(
                events[i - 1].Offset < events[i].Offset,
                $"offset {events[i].Offset} of {events[i].PersistenceId}#{events[i].SequenceNr} follows offset {events[i - 1].Offset}");
        }
    }

    [Fact]
    public async Task Crash_mid_batch_keeps_acknowledged_writes_and_atomic_writes_whole()
    {
        const int streams = 20;
        const int maxWritesPerStream = 300;
        const int eventsPerWrite = 3;
        const int ackedBeforeCrash = 150;
        var journal = await OpenJournalAsync().Await("crash test: opening the journal to crash");
        var acknowledged = new ConcurrentDictionary<string, long>();
        var enoughAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acked = 0;
        var batching = new BatchingJournal(journal, new BatchingJournalOptions { DisposeInner = false, MaxBatchEvents = 90 });

        var writers = Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var pid = Pid($"crash-{s}");
            for (var w = 0; w < maxWritesPerStream; w++)
            {
                var from = (w * eventsPerWrite) + 1;
                try
                {
                    var results = await batching.WriteAsync([WriteRange(pid, from, from + eventsPerWrite - 1)], CancellationToken.None)
                        .Await($"crash test: writing {from} of {pid}");
                    if (results[0].Status != WriteStatus.Written)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is not TimeoutException)
                {
                    return; // the crash: the outcome of this write is unknown, the writer stops
                }

                acknowledged[pid] = from + eventsPerWrite - 1;
                if (Interlocked.Increment(ref acked) == ackedBeforeCrash)
                {
                    enoughAcked.TrySetResult();
                }
            }

            enoughAcked.TrySetResult();
        })).ToList();

        await enoughAcked.Task.Await($"crash test: waiting for {ackedBeforeCrash} acknowledged writes");
        await CrashAsync(journal).Await("crash test: crashing the journal");
        await Task.WhenAll(writers).Await("crash test: writers stopping after the crash");
        await batching.DisposeAsync().AsTask().Await("crash test: disposing the batching journal");
        await journal.DisposeAsync().AsTask().Await("crash test: disposing the crashed journal");

        var reopened = await OpenJournalAsync().Await("crash test: reopening after the crash");
        await using (reopened)
        {
            for (var s = 0; s < streams; s++)
            {
                var pid = Pid($"crash-{s}");
                var events = await ReplayAsync(pid, journal: reopened);
                var stored = events.Count;
                Assert.Equal(Range(1, stored), Numbers(events));
                Assert.True(stored % eventsPerWrite == 0, $"{pid} holds {stored} events: part of an atomic write survived the crash");
                Assert.True(stored >= acknowledged.GetValueOrDefault(pid), $"{pid} lost acknowledged events: {stored} stored, {acknowledged.GetValueOrDefault(pid)} acknowledged");
                Assert.Equal(stored, await HighestAsync(pid, reopened));

                var next = await reopened.WriteAsync([Write(pid, stored + 1)], CancellationToken.None).Await($"crash test: writing after reopen to {pid}");
                Assert.Equal(WriteStatus.Written, next[0].Status);
            }
        }
    }
}
