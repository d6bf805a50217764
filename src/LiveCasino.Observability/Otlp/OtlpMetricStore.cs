using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LiveCasino.Observability.Otlp;

/// <summary>
/// Listens to the configured meters and keeps, per instrument and attribute set, cumulative sums
/// (counters, up-down counters), last values (gauges) and explicit-bucket histograms, for the OTLP
/// exporter to send as cumulative data points. Bounded: <see cref="OtlpOptions.SeriesPerInstrumentMax"/>.
/// </summary>
internal sealed class OtlpMetricStore : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, OtlpInstrument> _instruments = new();
    private readonly OtlpOptions _options;
    private readonly double[] _bounds;

    public OtlpMetricStore(OtlpOptions options)
    {
        _options = options;
        _bounds = [.. options.HistogramBounds];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!_options.MeterPrefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal)) || OtlpInstrument.KindOf(instrument) is not { } kind)
            {
                return;
            }

            var state = _instruments.GetOrAdd(instrument, i => new OtlpInstrument(i, kind, kind == OtlpKind.Histogram ? _bounds : null, _options.SeriesPerInstrumentMax));
            listener.EnableMeasurementEvents(instrument, state);
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out OtlpInstrument? _);
        _listener.SetMeasurementEventCallback<long>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<int>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<short>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<byte>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<double>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<float>((i, m, t, s) => Record(s, m, t));
        _listener.SetMeasurementEventCallback<decimal>((i, m, t, s) => Record(s, (double)m, t));
        _listener.Start();
    }

    /// <summary>Every instrument now, observable ones read first.</summary>
    public IReadOnlyList<OtlpInstrument> Collect()
    {
        _listener.RecordObservableInstruments();
        return [.. _instruments.Values.OrderBy(i => i.Instrument.Meter.Name, StringComparer.Ordinal).ThenBy(i => i.Instrument.Name, StringComparer.Ordinal)];
    }

    public long DroppedSeries => _instruments.Values.Sum(i => i.Dropped);

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is OtlpInstrument instrument)
        {
            instrument.Record(value, tags);
        }
    }
}
