using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using LiveCasino.Observability.Otlp;

namespace LiveCasino.Observability.Tests;

/// <summary>
/// The OTLP/HTTP JSON exporter against a real HTTP receiver in the process, with real instruments
/// and activities of a meter and a source named for each test (so tests never see each other's).
/// Exports are triggered by the test (ExportAsync), never by the timer.
/// </summary>
public sealed class OtlpExporterTests : IDisposable
{
    private readonly string _name = "LiveCasinoTest" + Guid.NewGuid().ToString("N")[..8];
    private readonly OtlpReceiver _receiver = new();
    private readonly Meter _meter;
    private readonly ActivitySource _source;

    public OtlpExporterTests()
    {
        _meter = new Meter(_name);
        _source = new ActivitySource(_name);
    }

    public void Dispose()
    {
        _meter.Dispose();
        _source.Dispose();
        _receiver.Dispose();
    }

    private OtlpOptions Options(bool metrics = true, bool traces = true, int queuedSpans = 100)
    {
        var o = new OtlpOptions { Enabled = true, Endpoint = _receiver.Endpoint, ServiceName = "casino-test", ServiceInstance = "node-1", ExportMetrics = metrics, ExportTraces = traces, QueuedSpansMax = queuedSpans };
        o.MeterPrefixes.Clear();
        o.MeterPrefixes.Add(_name);
        o.ActivitySourcePrefixes.Clear();
        o.ActivitySourcePrefixes.Add(_name);
        o.HistogramBounds.Clear();
        o.HistogramBounds.Add(1);
        o.HistogramBounds.Add(10);
        return o;
    }

    private static JsonElement[] Metrics(JsonDocument body) =>
        [.. body.RootElement.GetProperty("resourceMetrics")[0].GetProperty("scopeMetrics").EnumerateArray().SelectMany(s => s.GetProperty("metrics").EnumerateArray())];

    private static string? Attribute(JsonElement holder, string key) =>
        holder.GetProperty("attributes").EnumerateArray().Where(a => a.GetProperty("key").GetString() == key)
            .Select(a => a.GetProperty("value").EnumerateObject().First().Value.ToString()).FirstOrDefault();

    [Fact]
    public void Off_by_default_and_an_enabled_exporter_needs_an_http_endpoint()
    {
        Assert.False(new OtlpOptions().Enabled);
        Assert.Throws<ArgumentException>(() => new OtlpExporter(new OtlpOptions()));
        var noEndpoint = new OtlpOptions { Enabled = true };
        Assert.Contains("Endpoint", Assert.Throws<ArgumentException>(() => noEndpoint.Validate()).Message, StringComparison.Ordinal);
        var ftp = new OtlpOptions { Enabled = true, Endpoint = new Uri("ftp://collector/") };
        Assert.Throws<ArgumentException>(() => ftp.Validate());
    }

    [Fact]
    public async Task Metrics_go_as_cumulative_OTLP_JSON_with_the_resource_attributes_and_histogram_buckets()
    {
        await using var exporter = new OtlpExporter(Options(traces: false));
        var rejected = _meter.CreateCounter<long>("livecasino.bets.rejected", description: "Bets refused, by reason.");
        var latency = _meter.CreateHistogram<double>("livecasino.bets.latency", unit: "ms");
        var viewers = _meter.CreateUpDownCounter<long>("livecasino.table.viewers");
        rejected.Add(2, new KeyValuePair<string, object?>("reason", "late"));
        rejected.Add(1, new KeyValuePair<string, object?>("reason", "late"));
        rejected.Add(1, new KeyValuePair<string, object?>("reason", "limit"));
        latency.Record(0.5);
        latency.Record(5);
        latency.Record(50);
        viewers.Add(3);
        viewers.Add(-1);

        var result = await exporter.ExportAsync(CancellationToken.None);

        Assert.True(result.MetricsAccepted);
        var (path, contentType, body) = await _receiver.NextAsync();
        Assert.Equal("/v1/metrics", path);
        Assert.Equal("application/json", contentType);
        var resource = body.RootElement.GetProperty("resourceMetrics")[0].GetProperty("resource");
        Assert.Equal("casino-test", Attribute(resource, "service.name"));
        Assert.Equal("node-1", Attribute(resource, "service.instance.id"));
        var metrics = Metrics(body);

        var sum = metrics.Single(m => m.GetProperty("name").GetString() == "livecasino.bets.rejected").GetProperty("sum");
        Assert.Equal(2, sum.GetProperty("aggregationTemporality").GetInt32());
        Assert.True(sum.GetProperty("isMonotonic").GetBoolean());
        var points = sum.GetProperty("dataPoints").EnumerateArray().ToDictionary(p => Attribute(p, "reason")!, p => p.GetProperty("asDouble").GetDouble());
        Assert.Equal(3, points["late"]);
        Assert.Equal(1, points["limit"]);

        var histogram = metrics.Single(m => m.GetProperty("name").GetString() == "livecasino.bets.latency");
        Assert.Equal("ms", histogram.GetProperty("unit").GetString());
        var hp = histogram.GetProperty("histogram").GetProperty("dataPoints")[0];
        Assert.Equal(["1", "1", "1"], hp.GetProperty("bucketCounts").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal([1.0, 10.0], hp.GetProperty("explicitBounds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal("3", hp.GetProperty("count").GetString());
        Assert.Equal(55.5, hp.GetProperty("sum").GetDouble());

        var upDown = metrics.Single(m => m.GetProperty("name").GetString() == "livecasino.table.viewers").GetProperty("sum");
        Assert.False(upDown.GetProperty("isMonotonic").GetBoolean());
        Assert.Equal(2, upDown.GetProperty("dataPoints")[0].GetProperty("asDouble").GetDouble());
    }

    [Fact]
    public async Task A_refused_metrics_export_is_counted_and_the_next_one_carries_the_cumulative_totals()
    {
        await using var exporter = new OtlpExporter(Options(traces: false));
        var bets = _meter.CreateCounter<long>("livecasino.bets.accepted");
        bets.Add(5);
        _receiver.Status = HttpStatusCode.ServiceUnavailable;

        Assert.False((await exporter.ExportAsync(CancellationToken.None)).MetricsAccepted);
        await _receiver.NextAsync();
        Assert.Equal(1, exporter.Failures);

        _receiver.Status = HttpStatusCode.OK;
        bets.Add(2);
        Assert.True((await exporter.ExportAsync(CancellationToken.None)).MetricsAccepted);
        var (_, _, body) = await _receiver.NextAsync();
        Assert.Equal(7, Metrics(body).Single().GetProperty("sum").GetProperty("dataPoints")[0].GetProperty("asDouble").GetDouble());
    }

    [Fact]
    public async Task Finished_spans_go_with_hex_ids_parent_links_kind_status_and_attributes()
    {
        await using var exporter = new OtlpExporter(Options(metrics: false));
        string traceId, parentId;
        using (var parent = _source.StartActivity("PlaceBet", ActivityKind.Server)!)
        {
            parent.SetTag("round.id", "roulette-1:42");
            parent.SetTag("bet.count", 3);
            traceId = parent.TraceId.ToHexString();
            parentId = parent.SpanId.ToHexString();
            using var child = _source.StartActivity("ReserveStake")!;
            child.SetStatus(ActivityStatusCode.Error, "insufficient funds");
        }

        var result = await exporter.ExportAsync(CancellationToken.None);

        Assert.Equal(2, result.SpansSent);
        var (path, _, body) = await _receiver.NextAsync();
        Assert.Equal("/v1/traces", path);
        var scope = body.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0];
        Assert.Equal(_name, scope.GetProperty("scope").GetProperty("name").GetString());
        var spans = scope.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        var p = spans["PlaceBet"];
        var c = spans["ReserveStake"];
        Assert.Equal(traceId, p.GetProperty("traceId").GetString());
        Assert.Equal(traceId, c.GetProperty("traceId").GetString());
        Assert.Equal(32, traceId.Length);
        Assert.Equal(parentId, p.GetProperty("spanId").GetString());
        Assert.Equal(parentId, c.GetProperty("parentSpanId").GetString());
        Assert.False(p.TryGetProperty("parentSpanId", out _));
        Assert.Equal(2, p.GetProperty("kind").GetInt32()); // SPAN_KIND_SERVER
        Assert.Equal(1, c.GetProperty("kind").GetInt32()); // SPAN_KIND_INTERNAL
        Assert.Equal("roulette-1:42", Attribute(p, "round.id"));
        Assert.Equal("3", Attribute(p, "bet.count"));
        Assert.Equal(2, c.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("insufficient funds", c.GetProperty("status").GetProperty("message").GetString());
        Assert.True(ulong.Parse(p.GetProperty("endTimeUnixNano").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            >= ulong.Parse(p.GetProperty("startTimeUnixNano").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Spans_past_the_queue_limit_are_dropped_and_counted_not_held()
    {
        await using var exporter = new OtlpExporter(Options(metrics: false, queuedSpans: 2));
        for (var i = 0; i < 5; i++)
        {
            using var a = _source.StartActivity("span-" + i);
        }

        var result = await exporter.ExportAsync(CancellationToken.None);

        Assert.Equal(2, result.SpansSent);
        Assert.Equal(3, exporter.SpansLost);
        var (_, _, body) = await _receiver.NextAsync();
        var names = body.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans")[0].GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("name").GetString());
        Assert.Equal(["span-0", "span-1"], names);
    }

    [Fact]
    public async Task Nothing_is_sent_when_there_is_nothing_to_send()
    {
        await using var exporter = new OtlpExporter(Options());
        var result = await exporter.ExportAsync(CancellationToken.None);
        Assert.Equal(new OtlpExportResult(true, true, 0), result);
        Assert.False(_receiver.TryNext(out _));
    }
}
