using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LiveCasino.Observability.Otlp;

/// <summary>
/// The OTLP/JSON bodies (ExportMetricsServiceRequest, ExportTraceServiceRequest): the protobuf JSON
/// mapping with lowerCamelCase names, 64-bit integers as strings, trace and span ids as hex, and
/// cumulative temporality (2).
/// </summary>
internal static class OtlpJson
{
    private const int Cumulative = 2;

    public static byte[] Metrics(OtlpResource resource, IReadOnlyList<OtlpInstrument> instruments, DateTimeOffset start, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("resourceMetrics");
            w.WriteStartObject();
            Resource(w, resource);
            w.WriteStartArray("scopeMetrics");
            foreach (var scope in instruments.GroupBy(i => i.Instrument.Meter.Name, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                Scope(w, scope.Key, scope.First().Instrument.Meter.Version);
                w.WriteStartArray("metrics");
                foreach (var instrument in scope)
                {
                    Metric(w, instrument, Nanos(start), Nanos(now));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Traces(OtlpResource resource, IReadOnlyList<Activity> spans)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("resourceSpans");
            w.WriteStartObject();
            Resource(w, resource);
            w.WriteStartArray("scopeSpans");
            foreach (var scope in spans.GroupBy(s => s.Source.Name, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                Scope(w, scope.Key, scope.First().Source.Version);
                w.WriteStartArray("spans");
                foreach (var span in scope)
                {
                    Span(w, span);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Metric(Utf8JsonWriter w, OtlpInstrument instrument, string start, string now)
    {
        var series = instrument.Series.ToList();
        if (series.Count == 0)
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("name", instrument.Instrument.Name);
        w.WriteString("description", instrument.Instrument.Description ?? string.Empty);
        w.WriteString("unit", instrument.Instrument.Unit ?? string.Empty);
        w.WriteStartObject(instrument.Kind switch
        {
            OtlpKind.Histogram => "histogram",
            OtlpKind.Gauge => "gauge",
            _ => "sum",
        });
        if (instrument.Kind != OtlpKind.Gauge)
        {
            w.WriteNumber("aggregationTemporality", Cumulative);
        }

        if (instrument.Kind is OtlpKind.MonotonicSum or OtlpKind.Sum)
        {
            w.WriteBoolean("isMonotonic", instrument.Kind == OtlpKind.MonotonicSum);
        }

        w.WriteStartArray("dataPoints");
        foreach (var (attributes, s) in series)
        {
            w.WriteStartObject();
            Attributes(w, attributes);
            w.WriteString("startTimeUnixNano", start);
            w.WriteString("timeUnixNano", now);
            if (instrument.Kind == OtlpKind.Histogram)
            {
                long count = 0;
                w.WriteStartArray("bucketCounts");
                for (var i = 0; i <= s.Bounds!.Length; i++)
                {
                    var c = s.BucketCount(i);
                    count += c;
                    w.WriteStringValue(c.ToString(CultureInfo.InvariantCulture));
                }

                w.WriteEndArray();
                w.WriteStartArray("explicitBounds");
                foreach (var b in s.Bounds)
                {
                    w.WriteNumberValue(b);
                }

                w.WriteEndArray();
                w.WriteString("count", count.ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("sum", s.Value);
            }
            else
            {
                w.WriteNumber("asDouble", s.Value);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter w, Activity a)
    {
        w.WriteStartObject();
        w.WriteString("traceId", a.TraceId.ToHexString());
        w.WriteString("spanId", a.SpanId.ToHexString());
        if (a.ParentSpanId != default)
        {
            w.WriteString("parentSpanId", a.ParentSpanId.ToHexString());
        }

        w.WriteString("name", a.DisplayName);
        w.WriteNumber("kind", (int)a.Kind + 1); // ActivityKind.Internal (0) is SPAN_KIND_INTERNAL (1), and so on
        w.WriteString("startTimeUnixNano", Nanos(a.StartTimeUtc));
        w.WriteString("endTimeUnixNano", Nanos(a.StartTimeUtc + a.Duration));
        Attributes(w, a.TagObjects);
        w.WriteStartArray("events");
        foreach (var e in a.Events)
        {
            w.WriteStartObject();
            w.WriteString("name", e.Name);
            w.WriteString("timeUnixNano", Nanos(e.Timestamp));
            Attributes(w, e.Tags);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("status");
        w.WriteNumber("code", (int)a.Status); // Unset 0, Ok 1, Error 2 in both
        if (!string.IsNullOrEmpty(a.StatusDescription))
        {
            w.WriteString("message", a.StatusDescription);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Resource(Utf8JsonWriter w, OtlpResource r)
    {
        w.WriteStartObject("resource");
        var attributes = new List<KeyValuePair<string, object?>> { new("service.name", r.ServiceName), new("telemetry.sdk.name", "livecasino"), new("telemetry.sdk.language", "dotnet") };
        if (!string.IsNullOrEmpty(r.ServiceInstance))
        {
            attributes.Add(new("service.instance.id", r.ServiceInstance));
        }

        Attributes(w, attributes);
        w.WriteEndObject();
    }

    private static void Scope(Utf8JsonWriter w, string name, string? version)
    {
        w.WriteStartObject("scope");
        w.WriteString("name", name);
        if (!string.IsNullOrEmpty(version))
        {
            w.WriteString("version", version);
        }

        w.WriteEndObject();
    }

    private static void Attributes(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, object?>> attributes)
    {
        w.WriteStartArray("attributes");
        foreach (var (key, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteStartObject("value");
            switch (value)
            {
                case bool b:
                    w.WriteBoolean("boolValue", b);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    w.WriteString("intValue", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                case double or float or decimal:
                    w.WriteNumber("doubleValue", Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    break;
                default:
                    w.WriteString("stringValue", Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Nanos(DateTimeOffset t) => ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(CultureInfo.InvariantCulture);

    private static string Nanos(DateTime utc) => Nanos(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}

/// <summary>The resource every export describes.</summary>
internal sealed record OtlpResource(string ServiceName, string? ServiceInstance);
