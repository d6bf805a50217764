using System.Diagnostics.Metrics;

namespace LiveCasino.Actors.Diagnostics;

/// <summary>The kernel's instruments (meter "LiveCasino.Actors"); exported by the host.</summary>
public static class KernelMetrics
{
    public const string MeterName = "LiveCasino.Actors";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> DeadLetters { get; } = Meter.CreateCounter<long>("livecasino.actors.dead_letters", description: "Messages delivered to nobody, by reason.");

    public static Counter<long> Restarts { get; } = Meter.CreateCounter<long>("livecasino.actors.restarts", description: "Actor restarts by supervision.");

    public static Counter<long> Stops { get; } = Meter.CreateCounter<long>("livecasino.actors.failure_stops", description: "Actors stopped by supervision after a failure.");

    public static Counter<long> Passivations { get; } = Meter.CreateCounter<long>("livecasino.actors.passivations", description: "Entities passivated by regions.");

    public static Histogram<long> JournalBatchEvents { get; } = Meter.CreateHistogram<long>("livecasino.journal.batch_events", description: "Events per journal write batch.");

    public static Histogram<double> JournalWriteMs { get; } = Meter.CreateHistogram<double>("livecasino.journal.write_ms", unit: "ms", description: "Journal batch write latency.");
}
