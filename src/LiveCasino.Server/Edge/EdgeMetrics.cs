using System.Diagnostics.Metrics;

namespace LiveCasino.Server.Edge;

/// <summary>
/// Counters of the edge, as a .NET meter ("LiveCasino.Edge": <c>livecasino.edge.resyncs</c>,
/// <c>livecasino.edge.events_sent</c>, <c>livecasino.edge.events_dropped</c>,
/// <c>livecasino.edge.connections</c>) and as plain totals for tests and the health page.
/// </summary>
public sealed class EdgeMetrics : IDisposable
{
    public const string MeterName = "LiveCasino.Edge";

    private readonly Meter _meter;
    private readonly Counter<long> _resyncs;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;
    private long _resyncTotal;
    private long _sentTotal;
    private long _droppedTotal;
    private long _connections;

    public EdgeMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _resyncs = _meter.CreateCounter<long>("livecasino.edge.resyncs", description: "Connections whose pending table events were dropped for a fresh snapshot (slow consumers), and gaps the node found itself.");
        _sent = _meter.CreateCounter<long>("livecasino.edge.events_sent", description: "Events written to hub connections.");
        _dropped = _meter.CreateCounter<long>("livecasino.edge.events_dropped", description: "Events dropped from full per-connection buffers.");
        _meter.CreateObservableGauge("livecasino.edge.connections", () => Interlocked.Read(ref _connections), description: "Open hub connections.");
    }

    /// <summary>Resyncs ordered so far (each overflow of a connection counts once).</summary>
    public long Resyncs => Interlocked.Read(ref _resyncTotal);

    public long EventsSent => Interlocked.Read(ref _sentTotal);

    public long EventsDropped => Interlocked.Read(ref _droppedTotal);

    public long Connections => Interlocked.Read(ref _connections);

    internal void Resync(string reason)
    {
        Interlocked.Increment(ref _resyncTotal);
        _resyncs.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    internal void Sent()
    {
        Interlocked.Increment(ref _sentTotal);
        _sent.Add(1);
    }

    internal void Dropped(int count)
    {
        Interlocked.Add(ref _droppedTotal, count);
        _dropped.Add(count);
    }

    internal void Opened() => Interlocked.Increment(ref _connections);

    internal void Closed() => Interlocked.Decrement(ref _connections);

    public void Dispose() => _meter.Dispose();
}
