using System.Diagnostics;
using Akka.Actor;
using LiveCasino.Bench.Common;
using LiveCasino.Bench.Journal;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Serialization;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Sharding;
using LiveCasino.Tables.Hosting;
using TableHost = LiveCasino.Tables.Hosting.Tables;

namespace LiveCasino.Bench.Table;

/// <summary>
/// One roulette table, 10,000 funded players (real wallet actors), 30,000 bets sent evenly over a
/// 15 s betting window, the close by the timer, a result, and settlement into every wallet; the table
/// and the wallets are entities of one Akka.NET node on our journal plugin (one group-committed
/// database, SQLite or PostgreSQL), as ./run.sh runs them. Prints bets accepted per second,
/// acceptance latency (send to BetAccepted, which comes after the table and the wallet have both
/// written), and the time from the result to the last wallet settlement confirmed back to the table.
/// --quick: 2,000 players, 6,000 bets, 6 s window. Options: --players N, --bets-per-player N, --window S, --store sqlite|postgres.
/// </summary>
public static class TableScenario
{
    private const string TableId = "bench-roulette";
    private const string Dealer = "bench/console-1";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("table", args.Quick);
        var players = args.GetInt("players", args.Quick ? 2_000 : 10_000);
        var perPlayer = args.GetInt("bets-per-player", 3);
        var window = TimeSpan.FromSeconds(args.GetInt("window", args.Quick ? 6 : 15));
        var store = args.Get("store") ?? "sqlite";

        await using var factory = new StoreFactory();
        var config = (await new AkkaPlugins(factory, args.Get("pg")).ConfigAsync(AkkaPlugins.Ours, store, "table", cluster: true))
            .Overrides(WalletSerialization.EngineHocon).Overrides(TableSerialization.EngineHocon);
        var system = ActorSystem.Create("table-bench", config);
        await using var stopSystem = new AsyncDisposableAction(() => system.Terminate());
        await OneNodeCluster.JoinSelfAsync(system, TimeSpan.FromSeconds(30));
        var wallets = await WalletDirectory.StartAsync(system, new WalletOptions { IdleTimeout = null, SnapshotEvery = 1_000_000 }, TimeProvider.System);
        var tables = await TableHost.StartAsync(system, TableOptions.Default with { SnapshotEvery = 0 }, WalletSends.Over(wallets), TimeProvider.System);

        var ids = Enumerable.Range(0, players).Select(i => "p" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var setup = Stopwatch.StartNew();
        await Wallet.WalletLoad.ForEachConcurrentlyAsync(ids, 256, async id =>
        {
            Check(await wallets.AskAsync(id, new OpenWallet("open", "EUR")));
            Check(await wallets.AskAsync(id, new BeginDeposit("fund", new Money(10_000_000, "EUR"), "bench")));
            Check(await wallets.AskAsync(id, new ConfirmDeposit("fund-ok", "fund", "bench")));
        });
        var table = new TableConfig("bench-studio", GameKind.Roulette, "EUR", Paytables.DefaultFor(GameKind.Roulette), TableLimits.Default, window, StreamDescriptor.None);
        Expect<TableReply.CommandAccepted>(await tables.AskAsync<TableReply>(TableId, new TableCommand.Configure(table, "bench"), AskTimeout));
        Console.WriteLine($"setup: {players:N0} wallets funded, table configured in {setup.Elapsed.TotalSeconds:0.0} s");

        // A short warm-up round (JIT, pools), then the measured one.
        await RunRoundAsync(system, tables, ids.Take(Math.Min(1_000, players)).ToArray(), 1, TimeSpan.FromSeconds(2), burst: false);
        var round = await RunRoundAsync(system, tables, ids, perPlayer, window, burst: false);

        // Capacity: the same bets all at once at the start of a window (a burst the paced round never makes).
        var burst = await RunRoundAsync(system, tables, ids, perPlayer, window, burst: true);

        Report.Table(
            ["round", "bets sent", "accepted", "rejected", "accepted/s", "p50 ms", "p99 ms", "max ms", "result → settled written ms", "result → last wallet credited ms"],
            new[] { ("paced over the window", round), ("burst (capacity)", burst) }.Select(r => (IReadOnlyList<string>)
            [r.Item1, Report.N(r.Item2.Sent), Report.N(r.Item2.Accepted), Report.N(r.Item2.Rejected), Report.N(r.Item2.AcceptedPerSecond), Report.F(r.Item2.Latency.PercentileMs(0.5)),
             Report.F(r.Item2.Latency.PercentileMs(0.99)), Report.F(r.Item2.Latency.PercentileMs(1.0)), Report.F(r.Item2.SettledMs), Report.F(r.Item2.AllCreditedMs)]));
        foreach (var r in new[] { round, burst }.Where(r => r.Rejections.Count > 0))
        {
            Console.WriteLine("rejections: " + string.Join(", ", r.Rejections.Select(x => $"{x.Key}={x.Value}")));
        }

        Console.WriteLine($"targets: p99 acceptance < 20 ms ({(round.Latency.PercentileMs(0.99) < 20 ? "met" : "MISSED")}), all {Report.N(players)} players settled < 1 s ({(round.AllCreditedMs < 1_000 ? "met" : "MISSED")}), store {store}");
        Report.Result("table", ("bets_per_s", Math.Round(round.AcceptedPerSecond)), ("accept_p99_ms", Math.Round(round.Latency.PercentileMs(0.99), 2)), ("settle_all_ms", Math.Round(round.AllCreditedMs, 1)));
        return 0;
    }

    private sealed record RoundFigures(int Sent, int Accepted, int Rejected, Dictionary<BetRejection, int> Rejections, double AcceptedPerSecond, LatencyHistogram Latency, double SettledMs, double AllCreditedMs);

    private static async Task<RoundFigures> RunRoundAsync(ActorSystem system, TableHost tables, string[] ids, int perPlayer, TimeSpan window, bool burst)
    {
        var total = ids.Length * perPlayer;
        var sentAt = new long[total];
        var latency = new LatencyHistogram();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tally = new BetTally();
        var answers = system.ActorOf(Props.Create(() => new BetAnswers(sentAt, latency, tally, answered)), "answers-" + Guid.NewGuid().ToString("N")[..8]);
        var settled = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var credited = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = system.ActorOf(Props.Create(() => new SettlementWatch(settled, credited)), "watch-" + Guid.NewGuid().ToString("N")[..8]);
        tables.Tell(TableId, new TableCommand.Subscribe(), watch);

        var opened = Expect<TableReply.CommandAccepted>(await tables.AskAsync<TableReply>(TableId, new TableCommand.OpenRound(new DealerStamp(Dealer, DateTimeOffset.UtcNow)), AskTimeout));
        var roundNo = opened.RoundNo;
        var spots = new[] { "red", "black", "odd", "even", "low", "high", "dozen:1", "dozen:2", "column:3", "straight:17", "split:17-20", "corner:1-2-4-5" };
        var rng = new Random(42);
        var plan = Enumerable.Range(0, total).Select(i => (Player: ids[i % ids.Length], Spot: spots[rng.Next(spots.Length)], Amount: 100L * (1 + rng.Next(50)))).ToArray();

        // Spread the bets evenly over the window, leaving its last second free: players bet until near the close.
        var sendFor = burst ? TimeSpan.FromTicks(1) : window - TimeSpan.FromSeconds(1);
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        while (next < total)
        {
            var due = (long)((double)(Stopwatch.GetTimestamp() - start) / (sendFor.TotalSeconds * Stopwatch.Frequency) * total) + 1;
            for (; next < total && next < due; next++)
            {
                var (player, spot, amount) = plan[next];
                var id = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sentAt[next] = Stopwatch.GetTimestamp();
                tables.Tell(TableId, new TableCommand.PlaceBet(player, id, roundNo, [new BetLine(spot, amount)], "EUR"), answers);
            }

            await Task.Delay(1);
        }

        var sending = Stopwatch.GetElapsedTime(start);
        await answered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var acceptedPerSecond = tally.Accepted / Stopwatch.GetElapsedTime(start, tally.LastAcceptedAt).TotalSeconds;

        // No more bets by the timer, then the result.
        while ((await tables.AskAsync<TableSnapshot>(TableId, new TableCommand.GetSnapshot(), AskTimeout)).Phase == RoundPhase.BettingOpen)
        {
            await Task.Delay(20);
        }

        var resultAt = Stopwatch.GetTimestamp();
        Expect<TableReply.CommandAccepted>(await tables.AskAsync<TableReply>(TableId, new TableCommand.ReportSpin(roundNo, 17, 7, false, new DealerStamp(Dealer, DateTimeOffset.UtcNow)), AskTimeout));
        var settledAt = await settled.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var creditedAt = await credited.Task.WaitAsync(TimeSpan.FromMinutes(2));
        tables.Tell(TableId, new TableCommand.Unsubscribe(), watch);
        system.Stop(watch);
        system.Stop(answers);
        Console.WriteLine($"round {roundNo}: {total:N0} bets sent in {sending.TotalSeconds:0.0} s of a {window.TotalSeconds:0} s window{(burst ? " (burst)" : string.Empty)}");

        return new RoundFigures(total, tally.Accepted, tally.Rejected.Values.Sum(), tally.Rejected, acceptedPerSecond, latency,
            Stopwatch.GetElapsedTime(resultAt, settledAt).TotalMilliseconds, Stopwatch.GetElapsedTime(resultAt, creditedAt).TotalMilliseconds);
    }

    private static T Expect<T>(TableReply reply)
        where T : TableReply => reply as T ?? throw new InvalidOperationException($"The benchmark expected {typeof(T).Name}, got {reply}");

    private static void Check(WalletReply reply)
    {
        if (reply is WalletRejected rejected)
        {
            throw new InvalidOperationException($"Funding failed: {rejected}");
        }
    }
}
