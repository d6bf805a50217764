using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Kernel;

/// <summary>
/// Messages per second across many actor pairs, and ping-pong round trip, with TPL Dataflow
/// ActionBlock and a raw Channel loop measured on the same workload in the same run.
/// </summary>
public static class KernelScenario
{
    // Our mailboxes are bounded by default (100,000 messages); the bounded ActionBlock row gets the same bound.
    private const int Bound = LiveCasino.Actors.Mailboxes.MailboxOptions.DefaultCapacity;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("kernel", args.Quick);
        var pairs = args.GetInt("pairs", 32);
        var window = args.GetInt("window", 200);
        long quota = args.Quick ? 100_000 : 1_000_000;
        long rttQuota = args.Quick ? 50_000 : 500_000;
        var rounds = args.Quick ? 1 : 3;

        // Warm up all three engines (JIT, tiering) before measuring.
        await PairRunners.ActorsAsync(pairs, 20_000, window);
        await PairRunners.ActionBlocksAsync(pairs, 20_000, window);
        await PairRunners.ActionBlocksAsync(pairs, 20_000, window, Bound);
        await PairRunners.ChannelsAsync(pairs, 20_000, window);

        double Rate(TimeSpan t) => 2.0 * pairs * quota / t.TotalSeconds;
        var actors = new List<double>();
        var blocks = new List<double>();
        var bounded = new List<double>();
        var channels = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            actors.Add(Rate(await PairRunners.ActorsAsync(pairs, quota, window)));
            blocks.Add(Rate(await PairRunners.ActionBlocksAsync(pairs, quota, window)));
            bounded.Add(Rate(await PairRunners.ActionBlocksAsync(pairs, quota, window, Bound)));
            channels.Add(Rate(await PairRunners.ChannelsAsync(pairs, quota, window)));
        }

        double Rtt(TimeSpan t) => t.TotalMilliseconds * 1_000_000 / rttQuota;
        var rttActors = Rtt(await PairRunners.ActorsAsync(1, rttQuota, 1));
        var rttBlocks = Rtt(await PairRunners.ActionBlocksAsync(1, rttQuota, 1));
        var rttChannels = Rtt(await PairRunners.ChannelsAsync(1, rttQuota, 1));

        var best = (A: actors.Max(), B: blocks.Max(), C: channels.Max(), D: bounded.Max());
        Console.WriteLine($"{pairs} pairs, {window} in flight per pair, {quota:N0} round trips per pair, best of {rounds}");
        Report.Table(
            ["engine", "msgs/s", "vs ActionBlock", "ping-pong RTT ns"],
            [
                ["LiveCasino actors", Report.N(best.A), Report.F(best.A / best.B) + "x", Report.N(rttActors)],
                ["TPL ActionBlock", Report.N(best.B), "1.00x", Report.N(rttBlocks)],
                ["ActionBlock, bounded like our mailbox", Report.N(best.D), Report.F(best.D / best.B) + "x", "-"],
                ["Channel loop", Report.N(best.C), Report.F(best.C / best.B) + "x", Report.N(rttChannels)],
            ]);
        Report.Result(
            "kernel",
            ("msgs_per_s", Math.Round(best.A)),
            ("actionblock_msgs_per_s", Math.Round(best.B)),
            ("channel_msgs_per_s", Math.Round(best.C)),
            ("ratio_vs_actionblock", Math.Round(best.A / best.B, 2)),
            ("bounded_actionblock_msgs_per_s", Math.Round(best.D)),
            ("ratio_vs_bounded_actionblock", Math.Round(best.A / best.D, 2)),
            ("pingpong_rtt_ns", Math.Round(rttActors)));
        return 0;
    }
}
