using System.Diagnostics;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Stores.Journal;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Journal;

/// <summary>
/// Events persisted per second by 1, 100 and 1,000 concurrent persistent actors (each awaiting its
/// own persist, group-committed across actors), p99 persist latency, and recovery speed.
/// </summary>
public static class JournalScenario
{
    private static readonly int[] ActorCounts = [1, 100, 1_000];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("journal", args.Quick);
        var stores = args.Get("store") is { } s ? [s] : new[] { "sqlite", "postgres" };
        var seconds = args.Quick ? 2.0 : 8.0;
        var recoveryEvents = args.Quick ? 100_000 : 500_000;
        await using var factory = new StoreFactory();
        var results = new List<(string Store, int Actors, double Rate, double P50, double P99, double StormRate, double PerBatch, double StoreP50, double StoreP99)>();
        var recovery = new Dictionary<string, double>();
        foreach (var store in stores)
        {
            foreach (var actors in ActorCounts)
            {
                var (rate, histogram, storm, batches) = await MeasureWritesAsync(factory, store, args.Get("pg"), actors, seconds);
                results.Add((store, actors, rate, histogram.PercentileMs(0.5), histogram.PercentileMs(0.99), storm, batches.EventsPerBatch, batches.WriteP50, batches.WriteP99));
            }

            recovery[store] = await MeasureRecoveryAsync(factory, store, args.Get("pg"), recoveryEvents);
        }

        // "recovery": one entity replaying its journal (written 1,000 events per PersistAll).
        // "storm": every writer of the run restarted at once, replaying streams its neighbours interleaved with.
        // "events/batch", "store p50/p99": what the group commit made of the load, and the inner store's time per batch.
        Report.Table(
            ["store", "actors", "events/s", "p50 ms", "p99 ms", "events/batch", "store p50 ms", "store p99 ms", "recovery events/s", "storm recovery events/s"],
            results.Select(r => (IReadOnlyList<string>)[r.Store, r.Actors.ToString(System.Globalization.CultureInfo.InvariantCulture), Report.N(r.Rate), Report.F(r.P50), Report.F(r.P99), Report.N(r.PerBatch), Report.F(r.StoreP50), Report.F(r.StoreP99), Report.N(recovery[r.Store]), Report.N(r.StormRate)]));
        foreach (var store in stores)
        {
            var peak = results.Where(r => r.Store == store).MaxBy(r => r.Actors);
            Report.Result("journal", ("store", store), ("events_per_s", Math.Round(peak.Rate)), ("p99_ms", Math.Round(peak.P99, 2)), ("recovery_events_per_s", Math.Round(recovery[store])), ("actors", peak.Actors), ("storm_recovery_events_per_s", Math.Round(peak.StormRate)));
        }

        return 0;
    }

    private static async Task<(double Rate, LatencyHistogram Latency, double StormRate, (long Batches, double EventsPerBatch, double WriteP50, double WriteP99) Batches)> MeasureWritesAsync(StoreFactory factory, string store, string? pg, int actors, double seconds)
    {
        var (journal, snapshots) = await factory.OpenAsync(store, pg, $"w{actors}");
        await using var batching = new BatchingJournal(journal, new BatchingJournalOptions());
        var (rate, latency, batches) = await WriteAsync(batching, snapshots, actors, seconds);
        var storm = await RecoverAllAsync(batching, snapshots, actors);
        return (rate, latency, storm, batches);
    }

    private static async Task<(double Rate, LatencyHistogram Latency, (long Batches, double EventsPerBatch, double WriteP50, double WriteP99) Batches)> WriteAsync(IJournal batching, Stores.Snapshots.ISnapshotStore snapshots, int actors, double seconds)
    {
        await using var system = ActorSystem.Create("bench");
        PersistenceExtension.Install(system, batching, snapshots, StoreFactory.Serializer(), new PersistenceOptions { SnapshotEvery = 0 });

        var refs = Enumerable.Range(0, actors).Select(i => system.Spawn(Props.Create<WriterCmd>(() => new BenchWriter("w" + i)), "w" + i)).ToList();
        var latency = new LatencyHistogram();
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var warmUntil = Stopwatch.GetTimestamp() + (long)(Math.Min(1, seconds / 4) * Stopwatch.Frequency);

        // Warm-up: run a short phase whose numbers are discarded.
        await RunPhaseAsync(refs, () => Stopwatch.GetTimestamp() < warmUntil, new LatencyHistogram());
        using var stats = new JournalBatchStats();
        var sw = Stopwatch.StartNew();
        var total = await RunPhaseAsync(refs, () => Stopwatch.GetTimestamp() < stopAt, latency);
        return (latency.Count / sw.Elapsed.TotalSeconds, latency, stats.Snapshot());
    }

    /// <summary>Restarts every writer at once (recovery permits apply) and measures events replayed per second.</summary>
    private static async Task<double> RecoverAllAsync(IJournal journal, Stores.Snapshots.ISnapshotStore snapshots, int actors)
    {
        await using var system = ActorSystem.Create("storm");
        PersistenceExtension.Install(system, journal, snapshots, StoreFactory.Serializer(), new PersistenceOptions { SnapshotEvery = 0 });
        var sw = Stopwatch.StartNew();
        var dones = Enumerable.Range(0, actors).Select(i =>
        {
            var actor = system.Spawn(Props.Create<WriterCmd>(() => new BenchWriter("w" + i)), "w" + i);
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            actor.Tell(new WriterCmd.Recovered(done));
            return done.Task;
        }).ToList();
        var events = (await Task.WhenAll(dones)).Sum();
        return events / sw.Elapsed.TotalSeconds;
    }

    private static async Task<long> RunPhaseAsync(List<ActorRef<WriterCmd>> refs, Func<bool> keepGoing, LatencyHistogram latency)
    {
        var dones = refs.Select(r =>
        {
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            r.Tell(new WriterCmd.Run(keepGoing, latency, tcs));
            return tcs.Task;
        }).ToList();
        return (await Task.WhenAll(dones)).Sum();
    }

    private static async Task<double> MeasureRecoveryAsync(StoreFactory factory, string store, string? pg, int events)
    {
        var (journal, snapshots) = await factory.OpenAsync(store, pg, "recovery");
        await using var batching = new BatchingJournal(journal, new BatchingJournalOptions());
        await using (var writerSystem = ActorSystem.Create("fill"))
        {
            PersistenceExtension.Install(writerSystem, batching, snapshots, StoreFactory.Serializer(), new PersistenceOptions { SnapshotEvery = 0 });
            var writer = writerSystem.Spawn(Props.Create<WriterCmd>(() => new BenchWriter("recover")), "recover");
            var filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            writer.Tell(new WriterCmd.Fill(events, 1_000, filled));
            await filled.Task;
        }

        await using var system = ActorSystem.Create("recover");
        PersistenceExtension.Install(system, batching, snapshots, StoreFactory.Serializer(), new PersistenceOptions { SnapshotEvery = 0 });
        var sw = Stopwatch.StartNew();
        var actor = system.Spawn(Props.Create<WriterCmd>(() => new BenchWriter("recover")), "recover");
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new WriterCmd.Recovered(done));
        var recovered = await done.Task;
        sw.Stop();
        if (recovered != events)
        {
            throw new InvalidOperationException($"Recovered {recovered} events, expected {events}.");
        }

        return recovered / sw.Elapsed.TotalSeconds;
    }
}
