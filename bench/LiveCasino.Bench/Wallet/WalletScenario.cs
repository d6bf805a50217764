using LiveCasino.Bench.Common;
using LiveCasino.Bench.Journal;

namespace LiveCasino.Bench.Wallet;

/// <summary>
/// Bet reservations + settlements per second across 10,000 wallets on the SQLite and PostgreSQL
/// journals, with p99 latency, against the row-lock baseline on PostgreSQL in the same run
/// (<see cref="RowLockBaseline"/>) at the same concurrency. Options: --store sqlite|postgres,
/// --pg &lt;connection string&gt;, --wallets N, --clients N, --seconds S.
/// </summary>
public static class WalletScenario
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("wallet", args.Quick);
        var stores = args.Get("store") is { } s ? [s] : new[] { "sqlite", "postgres" };
        var wallets = args.GetInt("wallets", 10_000);
        var clients = args.GetInt("clients", 128);
        var seconds = args.Get("seconds") is { } secs ? double.Parse(secs, System.Globalization.CultureInfo.InvariantCulture) : args.Quick ? 4.0 : 15.0;
        await using var factory = new StoreFactory();

        var rows = new List<(string What, double Rate, LatencyHistogram Latency)>();
        foreach (var store in stores)
        {
            var (rate, latency) = await WalletLoad.RunAsync(factory, store, args.Get("pg"), wallets, clients, seconds);
            rows.Add(($"wallet actors on {store}", rate, latency));
        }

        // The factory has started PostgreSQL (or found it) by now when it was asked for; otherwise start it for the baseline.
        if (!stores.Contains("postgres"))
        {
            await factory.OpenAsync("postgres", args.Get("pg"), "wallet-baseline-probe");
        }

        var connection = args.Get("pg") ?? Environment.GetEnvironmentVariable("LIVECASINO_PG")
            ?? throw new InvalidOperationException("No PostgreSQL for the baseline: pass --pg or set LIVECASINO_PG.");
        var (baseRate, baseLatency) = await RowLockBaseline.RunAsync(connection, wallets, clients, seconds);
        rows.Add(("row-lock UPDATE per transaction (PostgreSQL)", baseRate, baseLatency));

        Console.WriteLine($"{wallets:N0} wallets, {clients} concurrent clients, {seconds:0.#} s measured; one operation = a reservation or a settlement");
        Report.Table(
            ["what", "ops/s", "p50 ms", "p99 ms", "vs baseline"],
            rows.Select(r => (IReadOnlyList<string>)[r.What, Report.N(r.Rate), Report.F(r.Latency.PercentileMs(0.5)), Report.F(r.Latency.PercentileMs(0.99)), Report.F(r.Rate / baseRate) + "x"]));
        for (var i = 0; i < stores.Length; i++)
        {
            var r = rows[i];
            Report.Result(
                "wallet",
                ("store", stores[i]),
                ("ops_per_s", Math.Round(r.Rate)),
                ("p99_ms", Math.Round(r.Latency.PercentileMs(0.99), 2)),
                ("baseline_ops_per_s", Math.Round(baseRate)),
                ("ratio_vs_baseline", Math.Round(r.Rate / baseRate, 2)));
        }

        return 0;
    }
}
