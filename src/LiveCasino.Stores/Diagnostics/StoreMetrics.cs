using System.Diagnostics.Metrics;

namespace LiveCasino.Stores.Diagnostics;

/// <summary>The stores' instruments (meter "LiveCasino.Stores"); exported by the host.</summary>
public static class StoreMetrics
{
    public const string MeterName = "LiveCasino.Stores";

    private static readonly Meter Meter = new(MeterName);

    public static Histogram<long> JournalBatchEvents { get; } = Meter.CreateHistogram<long>("livecasino.journal.batch_events", description: "Events per journal write batch.");

    public static Histogram<double> JournalWriteMs { get; } = Meter.CreateHistogram<double>("livecasino.journal.write_ms", unit: "ms", description: "Journal batch write latency.");
}
