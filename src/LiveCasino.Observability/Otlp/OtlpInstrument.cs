using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LiveCasino.Observability.Otlp;

/// <summary>How an instrument is sent: monotonic sum, non-monotonic sum, gauge, or histogram.</summary>
internal enum OtlpKind
{
    MonotonicSum,
    Sum,
    Gauge,
    Histogram,
}

/// <summary>One instrument's series by attribute set (the values reuse <see cref="MetricSeries"/>).</summary>
internal sealed class OtlpInstrument(Instrument instrument, OtlpKind kind, double[]? bounds, int seriesMax)
{
    private readonly ConcurrentDictionary<string, (KeyValuePair<string, object?>[] Attributes, MetricSeries Series)> _series = new(StringComparer.Ordinal);
    private long _dropped;

    public Instrument Instrument { get; } = instrument;

    public OtlpKind Kind { get; } = kind;

    public long Dropped => Volatile.Read(ref _dropped);

    public IEnumerable<(KeyValuePair<string, object?>[] Attributes, MetricSeries Series)> Series => _series.Values;

    public static OtlpKind? KindOf(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var d = instrument.GetType().GetGenericTypeDefinition();
        return d == typeof(Counter<>) || d == typeof(ObservableCounter<>) ? OtlpKind.MonotonicSum
            : d == typeof(UpDownCounter<>) || d == typeof(ObservableUpDownCounter<>) ? OtlpKind.Sum
            : d == typeof(Histogram<>) ? OtlpKind.Histogram
            : d == typeof(ObservableGauge<>) || d == typeof(Gauge<>) ? OtlpKind.Gauge
            : null;
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = tags.ToArray();
        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = new StringBuilder();
        foreach (var (k, v) in pairs)
        {
            key.Append(k).Append('\u0001').Append(Convert.ToString(v, CultureInfo.InvariantCulture)).Append('\u0002');
        }

        var id = key.ToString();
        if (!_series.TryGetValue(id, out var entry))
        {
            if (_series.Count >= seriesMax)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            entry = _series.GetOrAdd(id, _ => (pairs, new MetricSeries(id, bounds)));
        }

        var observable = Instrument.IsObservable;
        switch (Kind)
        {
            case OtlpKind.Histogram:
                entry.Series.Observe(value);
                break;
            case OtlpKind.MonotonicSum or OtlpKind.Sum when !observable:
                entry.Series.Add(value);
                break;
            default:
                entry.Series.Set(value); // gauges, and observable counters (which report their total)
                break;
        }
    }
}
