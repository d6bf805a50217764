using System.Diagnostics;
using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Sharding;
using LiveCasino.Bench.Common;
using LiveCasino.Bench.Journal;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Bench.Wallet;

/// <summary>
/// The actor side of the wallet benchmark: wallets as entities of the wallet region on a one-node
/// Akka.NET cluster, journaling through our group-commit plugin to one store, funded first,
/// then concurrent clients each loop over random wallets doing a bet reservation then its
/// settlement (half lost, half won at 2x). Every reservation and every settlement is one operation,
/// timed from send to reply; each persists one event before it answers.
/// </summary>
public static class WalletLoad
{
    private const long Funding = 100_000_000;

    public static async Task<(double OpsPerSecond, LatencyHistogram Latency)> RunAsync(StoreFactory factory, string store, string? pg, int wallets, int clients, double seconds)
    {
        // A one-node cluster with the wallet region on our journal plugin, over a fresh database.
        var config = (await new AkkaPlugins(factory, pg).ConfigAsync(AkkaPlugins.Ours, store, "wallet", cluster: true)).Overrides(WalletSerialization.EngineHocon);
        var system = ActorSystem.Create("wallet-bench", config);
        try
        {
            await OneNodeCluster.JoinSelfAsync(system, TimeSpan.FromSeconds(30));
            var directory = await WalletDirectory.StartAsync(system, new WalletOptions { IdleTimeout = null, SnapshotEvery = 1_000_000 }, TimeProvider.System);
            return await MeasureAsync(directory, wallets, clients, seconds);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<(double OpsPerSecond, LatencyHistogram Latency)> MeasureAsync(WalletDirectory directory, int wallets, int clients, double seconds)
    {
        var ids = Enumerable.Range(0, wallets).Select(i => "player-" + i).ToArray();

        await ForEachConcurrentlyAsync(ids, clients, async id =>
        {
            Check(await directory.AskAsync(id, new OpenWallet("open", "EUR")));
            Check(await directory.AskAsync(id, new BeginDeposit("fund", new Money(Funding, "EUR"), "bench")));
            Check(await directory.AskAsync(id, new ConfirmDeposit("fund-ok", "fund", "bench")));
        });

        // Warm-up, then the measured phase.
        await DriveAsync(directory, ids, clients, Math.Min(1.0, seconds / 3), new LatencyHistogram(), "w");
        var latency = new LatencyHistogram();
        var sw = Stopwatch.StartNew();
        var ops = await DriveAsync(directory, ids, clients, seconds, latency, "m");
        var rate = ops / sw.Elapsed.TotalSeconds;

        // The same clients reading balances: the region's messaging and ask cost alone, no journal write.
        var reads = new LatencyHistogram();
        sw.Restart();
        var readOps = await ReadAsync(directory, ids, clients, Math.Min(2.0, seconds / 2), reads);
        Console.WriteLine($"read path: {readOps / sw.Elapsed.TotalSeconds:N0} balance reads/s through the region (p99 {reads.PercentileMs(0.99):0.##} ms), no journal write");
        return (rate, latency);
    }

    private static async Task<long> ReadAsync(WalletDirectory directory, string[] ids, int clients, double seconds, LatencyHistogram latency)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long ops = 0;
        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                await TimedAsync(directory, ids[rng.Next(ids.Length)], new GetBalance("read"), latency);
                Interlocked.Increment(ref ops);
            }
        })).ToList();
        await Task.WhenAll(loops);
        return ops;
    }

    private static async Task<long> DriveAsync(WalletDirectory directory, string[] ids, int clients, double seconds, LatencyHistogram latency, string phase)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long ops = 0;
        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c);
            var n = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var player = ids[rng.Next(ids.Length)];
                var bet = $"{phase}{c}-{n++}";
                var stake = new Money(100 + rng.Next(900), "EUR");
                var expires = DateTimeOffset.UtcNow.AddMinutes(10);
                await TimedAsync(directory, player, new ReserveBet(bet, stake, expires, "bench"), latency);
                var payout = new Money(rng.Next(2) == 0 ? 0 : 2 * stake.Minor, "EUR");
                await TimedAsync(directory, player, new SettleBet(bet + "-s", bet, payout), latency);
                Interlocked.Add(ref ops, 2);
            }
        })).ToList();
        await Task.WhenAll(loops);
        return ops;
    }

    private static async Task TimedAsync(WalletDirectory directory, string player, WalletCommand command, LatencyHistogram latency)
    {
        var started = Stopwatch.GetTimestamp();
        Check(await directory.AskAsync(player, command));
        latency.RecordTicks(Stopwatch.GetTimestamp() - started);
    }

    private static void Check(WalletReply reply)
    {
        if (reply is WalletRejected rejected)
        {
            throw new InvalidOperationException($"The benchmark expects every operation to succeed: {rejected}");
        }
    }

    internal static async Task ForEachConcurrentlyAsync<T>(IReadOnlyList<T> items, int concurrency, Func<T, Task> body)
    {
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
            {
                await body(items[i]);
            }
        }));
        await Task.WhenAll(workers);
    }
}
