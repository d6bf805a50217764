using LiveCasino.Actors.Core;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Query;
using LiveCasino.Stores.Serialization;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

public sealed class EventsByTagTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryJournal _journal = new(new EventSerializer().Register("test.added.v1", CounterJson.Default.Added));

    private async Task WriteAsync(string pid, long seq, params string[] tags)
    {
        var e = new PersistentEvent(pid, seq, new Added((int)seq), _time.GetUtcNow(), tags, "w");
        var results = await _journal.WriteAsync([new AtomicWrite([e])], CancellationToken.None);
        Assert.Equal(WriteStatus.Written, results[0].Status);
    }

    [Fact]
    public async Task Current_query_returns_tagged_events_in_offset_order_across_batches()
    {
        for (var i = 1; i <= 25; i++)
        {
            await WriteAsync("p" + (i % 3), (i / 3) + 1, i % 2 == 0 ? "even" : "odd");
        }

        var evens = new List<PersistentEvent>();
        await foreach (var e in EventsByTag.CurrentAsync(_journal, "even", 0, new TagFollowerOptions { BatchSize = 4 }))
        {
            evens.Add(e);
        }

        Assert.Equal(12, evens.Count);
        Assert.Equal(evens.Select(e => e.Offset).Order(), evens.Select(e => e.Offset));
    }

    [Fact]
    public async Task Follower_resumes_from_its_offset_and_sees_events_committed_later()
    {
        await WriteAsync("a", 1, "t");
        await WriteAsync("a", 2, "t");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<long>();
        var follower = Task.Run(async () =>
        {
            await foreach (var e in EventsByTag.FollowAsync(_journal, "t", afterOffset: 1, _time, cancellationToken: cts.Token))
            {
                seen.Add(e.SequenceNr);
                if (seen.Count == 3)
                {
                    return;
                }
            }
        });

        await Eventually.TrueAsync(() => seen.Count == 1, "the follower read the existing event after offset 1");
        await WriteAsync("a", 3, "t");
        await WriteAsync("b", 1, "other");
        await WriteAsync("b", 2, "t");
        // Advance fake time poll by poll until the follower has seen all three (bounded: 2,000 polls).
        for (var poll = 0; poll < 2_000 && !follower.IsCompleted; poll++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(follower, Task.Delay(5));
        }

        Assert.True(follower.IsCompleted, $"the follower saw only {seen.Count} of 3 events after 2,000 polls");
        await follower;
        Assert.Equal([2L, 3L, 2L], seen);
    }
}
