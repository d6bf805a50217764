using System.Diagnostics;
using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Bench.Common;
using LiveCasino.Bench.Journal;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Bench.Wallet;

/// <summary>
/// The actor side of the wallet benchmark: wallets on one store (group-committed), funded first,
/// then concurrent clients each loop over random wallets doing a bet reservation then its
/// settlement (half lost, half won at 2x). Every reservation and every settlement is one operation,
/// timed from send to reply; each persists one event before it answers.
/// </summary>
public static class WalletLoad
{
    private const long Funding = 100_000_000;

    public static async Task<(double OpsPerSecond, LatencyHistogram Latency)> RunAsync(StoreFactory factory, string store, string? pg, int wallets, int clients, double seconds)
    {
        var (journal, snapshots) = await factory.OpenAsync(store, pg, "wallet");
        await using var batching = new BatchingJournal(journal, new BatchingJournalOptions());
        await using var system = ActorSystem.Create("wallet-bench");

        // The factory's stores deserialize bench events only; this run never replays (no passivation, no snapshots).
        var serializer = new EventSerializer().RegisterWalletTypes();
        PersistenceExtension.Install(system, batching, snapshots, serializer, new PersistenceOptions { SnapshotEvery = 0 });
        var directory = WalletDirectory.Start(system, new WalletOptions { IdleTimeout = null });
        var ids = Enumerable.Range(0, wallets).Select(i => "player-" + i).ToArray();

        await ForEachConcurrentlyAsync(ids, clients, async id =>
        {
            Check(await directory.AskAsync(id, r => new OpenWallet("open", "EUR", r)));
            Check(await directory.AskAsync(id, r => new BeginDeposit("fund", new Money(Funding, "EUR"), "bench", r)));
            Check(await directory.AskAsync(id, r => new ConfirmDeposit("fund-ok", "fund", "bench", r)));
        });

        // Warm-up, then the measured phase.
        await DriveAsync(directory, ids, clients, Math.Min(1.0, seconds / 3), new LatencyHistogram(), "w");
        var latency = new LatencyHistogram();
        var sw = Stopwatch.StartNew();
        var ops = await DriveAsync(directory, ids, clients, seconds, latency, "m");
        return (ops / sw.Elapsed.TotalSeconds, latency);
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
                await TimedAsync(directory, player, r => new ReserveBet(bet, stake, expires, "bench", r), latency);
                var payout = new Money(rng.Next(2) == 0 ? 0 : 2 * stake.Minor, "EUR");
                await TimedAsync(directory, player, r => new SettleBet(bet + "-s", bet, payout, r), latency);
                Interlocked.Add(ref ops, 2);
            }
        })).ToList();
        await Task.WhenAll(loops);
        return ops;
    }

    private static async Task TimedAsync(WalletDirectory directory, string player, Func<ActorRef<WalletReply>, WalletCommand> build, LatencyHistogram latency)
    {
        var started = Stopwatch.GetTimestamp();
        Check(await directory.AskAsync(player, build));
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
