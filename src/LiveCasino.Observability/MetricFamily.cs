using System.Collections.Concurrent;

namespace LiveCasino.Observability;

/// <summary>Prometheus metric types this exporter writes.</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>
/// All series of one instrument under its Prometheus name. The number of label sets is bounded:
/// past the limit new label sets are dropped and counted, so a label with unbounded values (an
/// id by mistake) cannot grow memory without end.
/// </summary>
internal sealed class MetricFamily(string name, string help, MetricKind kind, bool additive, double[]? bounds, int maxSeries)
{
    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
    private long _dropped;

    public string Name { get; } = name;

    public string Help { get; } = help;

    public MetricKind Kind { get; } = kind;

    /// <summary>
    /// True for synchronous counters and up-down counters, whose measurements are deltas to add.
    /// Gauges and observable instruments report their current value (cumulative for observable
    /// counters), which replaces the last one.
    /// </summary>
    public bool Additive { get; } = additive;

    public long Dropped => Volatile.Read(ref _dropped);

    public IEnumerable<MetricSeries> Series => _series.Values;

    /// <summary>The series for <paramref name="labels"/>, or null when the family is full.</summary>
    public MetricSeries? For(string labels)
    {
        if (_series.TryGetValue(labels, out var series))
        {
            return series;
        }

        if (_series.Count >= maxSeries)
        {
            Interlocked.Increment(ref _dropped);
            return null;
        }

        return _series.GetOrAdd(labels, l => new MetricSeries(l, bounds));
    }
}
