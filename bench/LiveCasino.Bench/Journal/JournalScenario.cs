using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Journal;

/// <summary>
/// Akka persistent actors persisting back to back through LiveCasino's group-commit journal plugin
/// and through Akka.Persistence.Sql, side by side in one run, on SQLite and PostgreSQL: events per
/// second and persist latency with 1, 100 and 1,000 writers, one entity's recovery speed, and a
/// recovery storm (every writer restarted at once).
/// </summary>
public static class JournalScenario
{
    private static readonly int[] WriterCounts = [1, 100, 1_000];
    private static readonly string[] Plugins = [AkkaPlugins.Ours, AkkaPlugins.AkkaSql];

    private sealed record Row(string Store, string Plugin, int Writers, double Rate, double P50, double P99, double StormRate, double PerBatch, double StoreP50, double StoreP99);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("journal", args.Quick);
        var stores = args.Get("store") is { } s ? [s] : new[] { "sqlite", "postgres" };
        var seconds = args.Quick ? 2.0 : 8.0;
        var recoveryEvents = args.Quick ? 50_000 : 200_000;
        await using var factory = new StoreFactory();
        var plugins = new AkkaPlugins(factory, args.Get("pg"));
        var rows = new List<Row>();
        var recovery = new Dictionary<(string Store, string Plugin), double>();
        foreach (var store in stores)
        {
            foreach (var writers in WriterCounts)
            {
                // Peers alternate within a step, so drift on the machine hits both alike.
                foreach (var plugin in Plugins)
                {
                    var config = await plugins.ConfigAsync(plugin, store, $"w{writers}");
                    rows.Add(await MeasureWritesAsync(config, store, plugin, writers, seconds));
                }
            }

            foreach (var plugin in Plugins)
            {
                recovery[(store, plugin)] = await MeasureRecoveryAsync(await plugins.ConfigAsync(plugin, store, "recovery"), recoveryEvents);
            }
        }

        // "recovery": one entity replaying its journal (written 1,000 events per PersistAll).
        // "storm": every writer of the step restarted at once.
        // "events/batch", "store p50/p99": group commit's batches (our plugin only: the other has no such meter).
        Report.Table(
            ["store", "plugin", "writers", "events/s", "p50 ms", "p99 ms", "events/batch", "store p50 ms", "store p99 ms", "recovery events/s", "storm recovery events/s"],
            rows.Select(r => (IReadOnlyList<string>)[
                r.Store, r.Plugin, r.Writers.ToString(CultureInfo.InvariantCulture), Report.N(r.Rate), Report.F(r.P50), Report.F(r.P99),
                r.Plugin == AkkaPlugins.Ours ? Report.N(r.PerBatch) : "-", r.Plugin == AkkaPlugins.Ours ? Report.F(r.StoreP50) : "-", r.Plugin == AkkaPlugins.Ours ? Report.F(r.StoreP99) : "-",
                Report.N(recovery[(r.Store, r.Plugin)]), Report.N(r.StormRate)]));
        foreach (var writers in WriterCounts)
        {
            foreach (var store in stores)
            {
                var ours = rows.Single(r => r.Store == store && r.Writers == writers && r.Plugin == AkkaPlugins.Ours);
                var sql = rows.Single(r => r.Store == store && r.Writers == writers && r.Plugin == AkkaPlugins.AkkaSql);
                Console.WriteLine($"ratio {store} {writers} writers: ours/akka-sql events/s {Report.F(ours.Rate / sql.Rate)}x, p99 {Report.F(ours.P99)} vs {Report.F(sql.P99)} ms");
            }
        }

        foreach (var store in stores)
        {
            var ours = rows.Where(r => r.Store == store && r.Plugin == AkkaPlugins.Ours).MaxBy(r => r.Writers)!;
            var sql = rows.Where(r => r.Store == store && r.Plugin == AkkaPlugins.AkkaSql).MaxBy(r => r.Writers)!;
            Report.Result(
                "journal",
                ("store", store),
                ("events_per_s", Math.Round(ours.Rate)),
                ("p99_ms", Math.Round(ours.P99, 2)),
                ("recovery_events_per_s", Math.Round(recovery[(store, AkkaPlugins.Ours)])),
                ("akka_sql_events_per_s", Math.Round(sql.Rate)),
                ("ratio_vs_akka_sql", Math.Round(ours.Rate / sql.Rate, 2)),
                ("writers", ours.Writers));
        }

        return 0;
    }

    private static async Task<Row> MeasureWritesAsync(Config config, string store, string plugin, int writers, double seconds)
    {
        var system = ActorSystem.Create("bench", config);
        try
        {
            var refs = Enumerable.Range(0, writers).Select(i => system.ActorOf(AkkaBenchWriter.Props("w" + i), "w" + i)).ToList();

            // Warm-up: a short phase whose numbers are discarded (it also opens the store and creates tables).
            var warmUntil = Stopwatch.GetTimestamp() + (long)(Math.Min(1, seconds / 4) * Stopwatch.Frequency);
            await RunPhaseAsync(refs, () => Stopwatch.GetTimestamp() < warmUntil, new LatencyHistogram());

            var latency = new LatencyHistogram();
            using var stats = new JournalBatchStats();
            var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            var sw = Stopwatch.StartNew();
            await RunPhaseAsync(refs, () => Stopwatch.GetTimestamp() < stopAt, latency);
            var rate = latency.Count / sw.Elapsed.TotalSeconds;
            var batches = stats.Snapshot();
            foreach (var r in refs)
            {
                system.Stop(r);
            }

            var storm = await RecoverAllAsync(system, writers);
            return new Row(store, plugin, writers, rate, latency.PercentileMs(0.5), latency.PercentileMs(0.99), storm, batches.EventsPerBatch, batches.WriteP50, batches.WriteP99);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task RunPhaseAsync(List<IActorRef> refs, Func<bool> keepGoing, LatencyHistogram latency)
    {
        var dones = refs.Select(r =>
        {
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            r.Tell(new AkkaBenchWriter.Run(keepGoing, latency, done));
            return done.Task;
        }).ToList();
        await Task.WhenAll(dones);
    }

    /// <summary>Starts a new incarnation of every writer at once and measures events replayed per second.</summary>
    private static async Task<double> RecoverAllAsync(ActorSystem system, int writers)
    {
        var sw = Stopwatch.StartNew();
        var dones = Enumerable.Range(0, writers).Select(i =>
        {
            var actor = system.ActorOf(AkkaBenchWriter.Props("w" + i), "again-w" + i);
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            actor.Tell(new AkkaBenchWriter.Count(done));
            return done.Task;
        }).ToList();
        var events = (await Task.WhenAll(dones)).Sum();
        return events / sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasureRecoveryAsync(Config config, int events)
    {
        var writer = ActorSystem.Create("fill", config);
        try
        {
            var filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            writer.ActorOf(AkkaBenchWriter.Props("recover"), "recover").Tell(new AkkaBenchWriter.Fill(events, 1_000, filled));
            await filled.Task;
        }
        finally
        {
            await writer.Terminate();
        }

        var system = ActorSystem.Create("recover", config);
        try
        {
            var sw = Stopwatch.StartNew();
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(AkkaBenchWriter.Props("recover"), "recover").Tell(new AkkaBenchWriter.Count(done));
            var recovered = await done.Task;
            sw.Stop();
            return recovered == events
                ? recovered / sw.Elapsed.TotalSeconds
                : throw new InvalidOperationException($"Recovered {recovered} events, expected {events}.");
        }
        finally
        {
            await system.Terminate();
        }
    }
}
