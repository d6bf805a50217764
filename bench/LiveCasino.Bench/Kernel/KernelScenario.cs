using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Kernel;

/// <summary>
/// Messages per second across many actor pairs, and ping-pong round trip, on Akka.NET with the
/// node's settings, TPL Dataflow ActionBlock (unbounded, and bounded like a mailbox with a limit)
/// and a raw Channel loop, on the same workload in the same run.
/// </summary>
public static class KernelScenario
{
    // The bound of the node's bounded mailboxes (hocon/base.conf: the fan-out lanes); the bounded ActionBlock row gets the same.
    private const int Bound = 100_000;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("kernel", args.Quick);
        var pairs = args.GetInt("pairs", 32);
        var window = args.GetInt("window", 200);
        long quota = args.Quick ? 100_000 : 1_000_000;
        long rttQuota = args.Quick ? 50_000 : 500_000;
        var rounds = args.Quick ? 1 : 3;
        var akkaHocon = args.Get("akka"); // e.g. --akka "akka.actor.default-dispatcher.throughput = 200"

        // Warm up every engine (JIT, tiering) before measuring.
        await PairRunners.AkkaAsync(pairs, 20_000, window, akkaHocon);
        await PairRunners.ActionBlocksAsync(pairs, 20_000, window);
        await PairRunners.ActionBlocksAsync(pairs, 20_000, window, Bound);
        await PairRunners.ChannelsAsync(pairs, 20_000, window);

        double Rate(TimeSpan t) => 2.0 * pairs * quota / t.TotalSeconds;
        var akka = new List<double>();
        var blocks = new List<double>();
        var bounded = new List<double>();
        var channels = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            akka.Add(Rate(await PairRunners.AkkaAsync(pairs, quota, window, akkaHocon)));
            blocks.Add(Rate(await PairRunners.ActionBlocksAsync(pairs, quota, window)));
            bounded.Add(Rate(await PairRunners.ActionBlocksAsync(pairs, quota, window, Bound)));
            channels.Add(Rate(await PairRunners.ChannelsAsync(pairs, quota, window)));
        }

        double Rtt(TimeSpan t) => t.TotalMilliseconds * 1_000_000 / rttQuota;
        var rttAkka = Rtt(await PairRunners.AkkaAsync(1, rttQuota, 1, akkaHocon));
        var rttBlocks = Rtt(await PairRunners.ActionBlocksAsync(1, rttQuota, 1));
        var rttChannels = Rtt(await PairRunners.ChannelsAsync(1, rttQuota, 1));

        var best = (K: akka.Max(), B: blocks.Max(), C: channels.Max(), D: bounded.Max());
        Console.WriteLine($"{pairs} pairs, {window} in flight per pair, {quota:N0} round trips per pair, best of {rounds}");
        Report.Table(
            ["engine", "msgs/s", "vs ActionBlock", "ping-pong RTT ns"],
            [
                ["Akka.NET actors (node settings)", Report.N(best.K), Report.F(best.K / best.B) + "x", Report.N(rttAkka)],
                ["TPL ActionBlock", Report.N(best.B), "1.00x", Report.N(rttBlocks)],
                ["ActionBlock, bounded like a lane mailbox", Report.N(best.D), Report.F(best.D / best.B) + "x", "-"],
                ["Channel loop", Report.N(best.C), Report.F(best.C / best.B) + "x", Report.N(rttChannels)],
            ]);
        Report.Result(
            "kernel",
            ("msgs_per_s", Math.Round(best.K)),
            ("actionblock_msgs_per_s", Math.Round(best.B)),
            ("ratio_vs_actionblock", Math.Round(best.K / best.B, 2)),
            ("bounded_actionblock_msgs_per_s", Math.Round(best.D)),
            ("channel_msgs_per_s", Math.Round(best.C)),
            ("pingpong_rtt_ns", Math.Round(rttAkka)));
        return 0;
    }
}
