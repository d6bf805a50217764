using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Tests.Support;
using Xunit;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>
/// Many entities writing single events and atomic runs, interleaved in shared batches (what group
/// commit produces), then replays with every kind of bound, a deletion that cuts an atomic write in
/// two, and more writes after it. A store that locates an entity's events through links or runs
/// rather than a scan must give exactly the same answers as one that scans.
/// </summary>
public abstract partial class JournalConformance
{
    [Fact]
    public async Task Interleaved_writes_of_many_entities_replay_exactly_with_any_bounds()
    {
        var random = new Random(20261121);
        var pids = Enumerable.Range(0, 6).Select(i => Pid("interleaved-" + i)).ToArray();
        var highest = new long[pids.Length];
        for (var round = 0; round < 40; round++)
        {
            var batch = new List<AtomicWrite>();
            foreach (var i in Enumerable.Range(0, pids.Length).OrderBy(_ => random.Next()).Take(random.Next(1, pids.Length + 1)))
            {
                var count = random.Next(4) == 0 ? random.Next(2, 6) : 1;
                batch.Add(count == 1 ? Write(pids[i], highest[i] + 1) : WriteRange(pids[i], highest[i] + 1, highest[i] + count));
                highest[i] += count;
            }

            var results = await WriteAsync($"interleaved batch {round}", [.. batch]);
            Assert.All(results, r => Assert.Equal(WriteStatus.Written, r.Status));
        }

        for (var i = 0; i < pids.Length; i++)
        {
            await AssertReplaysAsync(pids[i], 1, highest[i], random);
        }

        // Cut inside the history (often inside an atomic write), then keep writing.
        var cut = pids.Select((pid, i) => highest[i] / 2).ToArray();
        for (var i = 0; i < pids.Length; i++)
        {
            await Journal.DeleteEventsToAsync(pids[i], cut[i], CancellationToken.None).Await($"deleting {pids[i]} to {cut[i]}");
        }

        var more = pids.Select((pid, i) => WriteRange(pid, highest[i] + 1, highest[i] + 2)).ToArray();
        Assert.All(await WriteAsync("writes after the deletion", more), r => Assert.Equal(WriteStatus.Written, r.Status));
        for (var i = 0; i < pids.Length; i++)
        {
            highest[i] += 2;
            Assert.Equal(highest[i], await HighestAsync(pids[i]));
            await AssertReplaysAsync(pids[i], cut[i] + 1, highest[i], random);
        }
    }

    /// <summary>The entity holds exactly first..last: check full, bounded and limited replays against that.</summary>
    private async Task AssertReplaysAsync(string pid, long first, long last, Random random)
    {
        Assert.Equal(Range(first, last), Numbers(await ReplayAsync(pid)));
        Assert.Equal(Range(first, last).Select(nr => $"{pid}#{nr}"), (await ReplayAsync(pid)).Select(TextOf));
        for (var probe = 0; probe < 8; probe++)
        {
            var from = random.NextInt64(1, last + 2);
            var to = random.NextInt64(from, last + 3);
            var max = random.Next(0, 3) == 0 ? long.MaxValue : random.NextInt64(1, 6);
            var (low, high) = (Math.Max(from, first), Math.Min(to, last));
            var expected = low > high ? [] : Range(low, high).Take((int)Math.Min(max, int.MaxValue)).ToArray();
            Assert.Equal(expected, Numbers(await ReplayAsync(pid, from, to, max)));
        }
    }
}
