using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LiveCasino.Observability;

/// <summary>
/// Collects every instrument of the configured meters through a <see cref="MeterListener"/> and
/// writes them in the Prometheus text exposition format (version 0.0.4). Counters keep their
/// sum, up-down counters and gauges their value, histograms fixed buckets plus sum and count;
/// observable instruments are read at each scrape. prometheus-net does not restore here, and
/// this is all a scrape needs.
/// </summary>
public sealed class PrometheusCollector : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly PrometheusOptions _options;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _scrape = new();
    private long _skippedInstruments;

    public PrometheusCollector(PrometheusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<int>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<short>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<byte>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<double>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<float>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<decimal>((i, m, t, s) => Record(s, (double)m, t));
        _listener.Start();
    }

    /// <summary>Writes every family, sorted by name, in the text format.</summary>
    public string Scrape()
    {
        var sb = new StringBuilder(4096);
        lock (_scrape)
        {
            _listener.RecordObservableInstruments();
            foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Write(sb, family);
            }

            var dropped = _families.Values.Sum(f => f.Dropped);
            sb.Append("# HELP livecasino_metrics_series_dropped_total Label sets not kept because an instrument reached its series limit.\n");
            sb.Append("# TYPE livecasino_metrics_series_dropped_total counter\n");
            sb.Append("livecasino_metrics_series_dropped_total ").Append(Format(dropped + Volatile.Read(ref _skippedInstruments))).Append('\n');
        }

        return sb.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_options.MeterPrefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal)) || KindOf(instrument) is not { } kind)
        {
            return;
        }

        var name = PrometheusNames.Of(instrument.Name, instrument.Unit, kind);
        double[]? bounds = kind == MetricKind.Histogram
            ? [.. instrument.Unit == "ms" ? _options.MillisecondBuckets : _options.DefaultBuckets]
            : null;
        var help = instrument.Description ?? instrument.Name;
        var definition = instrument.GetType().GetGenericTypeDefinition();
        var additive = definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>);
        var family = _families.GetOrAdd(name, n => new MetricFamily(n, help, kind, additive, bounds, _options.MaxSeriesPerInstrument));
        if (family.Kind != kind || family.Additive != additive)
        {
            Interlocked.Increment(ref _skippedInstruments); // same name, different type: the first one wins
            return;
        }

        listener.EnableMeasurementEvents(instrument, family);
    }

    private static MetricKind? KindOf(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var definition = instrument.GetType().GetGenericTypeDefinition();
        if (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>))
        {
            return MetricKind.Counter;
        }

        if (definition == typeof(Histogram<>))
        {
            return MetricKind.Histogram;
        }

        if (definition == typeof(UpDownCounter<>) || definition == typeof(ObservableUpDownCounter<>) ||
            definition == typeof(ObservableGauge<>) || definition == typeof(Gauge<>))
        {
            return MetricKind.Gauge;
        }

        return null;
    }

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is not MetricFamily family || family.For(Labels(tags)) is not { } series)
        {
            return;
        }

        switch (family.Kind)
        {
            case MetricKind.Histogram:
                series.Observe(value);
                return;
            case MetricKind.Counter or MetricKind.Gauge when family.Additive:
                series.Add(value);
                return;
            default:
                series.Set(value);
                return;
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new KeyValuePair<string, object?>[tags.Length];
        tags.CopyTo(pairs);
        Array.Sort(pairs, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(PrometheusNames.Sanitize(key)).Append("=\"")
              .Append(PrometheusNames.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)).Append('"');
        }

        return sb.ToString();
    }

    private static void Write(StringBuilder sb, MetricFamily family)
    {
        var type = family.Kind switch
        {
            MetricKind.Counter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        };
        sb.Append("# HELP ").Append(family.Name).Append(' ').Append(PrometheusNames.EscapeHelp(family.Help)).Append('\n');
        sb.Append("# TYPE ").Append(family.Name).Append(' ').Append(type).Append('\n');
        foreach (var series in family.Series.OrderBy(s => s.Labels, StringComparer.Ordinal))
        {
            if (family.Kind != MetricKind.Histogram)
            {
                Sample(sb, family.Name, series.Labels, null, series.Value);
                continue;
            }

            long cumulative = 0;
            for (var i = 0; i <= series.Bounds!.Length; i++)
            {
                cumulative += series.BucketCount(i);
                var le = i < series.Bounds.Length ? Format(series.Bounds[i]) : "+Inf";
                Sample(sb, family.Name + "_bucket", series.Labels, le, cumulative);
            }

            Sample(sb, family.Name + "_sum", series.Labels, null, series.Value);
            Sample(sb, family.Name + "_count", series.Labels, null, cumulative);
        }
    }

    private static void Sample(StringBuilder sb, string name, string labels, string? le, double value)
    {
        sb.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            sb.Append('{').Append(labels);
            if (le is not null)
            {
                sb.Append(labels.Length > 0 ? "," : string.Empty).Append("le=\"").Append(le).Append('"');
            }

            sb.Append('}');
        }

        sb.Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" :
        double.IsNegativeInfinity(value) ? "-Inf" :
        double.IsNaN(value) ? "NaN" :
        value.ToString("R", CultureInfo.InvariantCulture);
}
