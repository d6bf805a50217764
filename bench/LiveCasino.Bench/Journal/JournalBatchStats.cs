using System.Diagnostics.Metrics;
using LiveCasino.Stores.Diagnostics;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Journal;

/// <summary>
/// Listens to the store's journal histograms during a write phase, so the report can say what a
/// persist's latency is made of: how many batches, how many events each, and how long the store took.
/// </summary>
internal sealed class JournalBatchStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly LatencyHistogram _writeMs = new();
    private long _batches;
    private long _events;

    public JournalBatchStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StoreMetrics.MeterName &&
                instrument.Name is "livecasino.journal.batch_events" or "livecasino.journal.write_ms")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _events, value);
        });
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _writeMs.RecordMicros((long)(value * 1000)));
        _listener.Start();
    }

    /// <summary>Mean events per batch, and the store's batch write time at p50 and p99 (ms).</summary>
    public (long Batches, double EventsPerBatch, double WriteP50, double WriteP99) Snapshot()
    {
        var batches = Interlocked.Read(ref _batches);
        return (batches, batches == 0 ? 0 : (double)Interlocked.Read(ref _events) / batches, _writeMs.PercentileMs(0.5), _writeMs.PercentileMs(0.99));
    }

    public void Dispose() => _listener.Dispose();
}
