using System.Net.Http.Headers;

namespace LiveCasino.Observability.Otlp;

/// <summary>
/// Sends the node's metrics (cumulative, every instrument of the configured meters) and finished
/// spans (activities of the configured sources) to an OTLP/HTTP receiver as JSON, every
/// <see cref="OtlpOptions.Interval"/> and once more when disposed. Exports never overlap; a failed
/// metrics export is simply repeated by the next one (the values are cumulative), a failed trace
/// export loses that batch (counted in <see cref="SpansLost"/>), so nothing grows without bound.
/// </summary>
public sealed class OtlpExporter : IAsyncDisposable
{
    private readonly OtlpOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly OtlpMetricStore? _metrics;
    private readonly OtlpSpanBuffer? _spans;
    private readonly OtlpResource _resource;
    private readonly DateTimeOffset _start;
    private readonly SemaphoreSlim _exporting = new(1, 1);
    private ITimer? _timer;
    private long _failures;
    private long _spansLost;

    public OtlpExporter(OtlpOptions options, HttpClient? http = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        if (!options.Enabled)
        {
            throw new ArgumentException($"{OtlpOptions.Section}:Enabled is false: do not create the exporter", nameof(options));
        }

        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
        _time = time ?? TimeProvider.System;
        _start = _time.GetUtcNow();
        _resource = new OtlpResource(options.ServiceName, options.ServiceInstance);
        _metrics = options.ExportMetrics ? new OtlpMetricStore(options) : null;
        _spans = options.ExportTraces ? new OtlpSpanBuffer(options) : null;
    }

    /// <summary>Exports that failed (receiver down, refused, timed out).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Spans dropped because the queue was full, plus spans of failed trace exports.</summary>
    public long SpansLost => Interlocked.Read(ref _spansLost) + (_spans?.Dropped ?? 0);

    /// <summary>Starts the periodic export.</summary>
    public void Start() => _timer ??= _time.CreateTimer(_ => _ = ExportAsync(CancellationToken.None), null, _options.Interval, _options.Interval);

    /// <summary>Sends what there is now: all metrics, and up to <see cref="OtlpOptions.SpansPerExportMax"/> spans.</summary>
    public async Task<OtlpExportResult> ExportAsync(CancellationToken cancellationToken)
    {
        await _exporting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var metricsOk = true;
            if (_metrics is not null)
            {
                var instruments = _metrics.Collect();
                if (instruments.Count > 0)
                {
                    metricsOk = await PostAsync("v1/metrics", OtlpJson.Metrics(_resource, instruments, _start, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                }
            }

            var spansSent = 0;
            var tracesOk = true;
            if (_spans is not null)
            {
                var batch = _spans.Take(_options.SpansPerExportMax);
                if (batch.Count > 0)
                {
                    tracesOk = await PostAsync("v1/traces", OtlpJson.Traces(_resource, batch), cancellationToken).ConfigureAwait(false);
                    if (tracesOk)
                    {
                        spansSent = batch.Count;
                    }
                    else
                    {
                        Interlocked.Add(ref _spansLost, batch.Count);
                    }
                }
            }

            return new OtlpExportResult(metricsOk, tracesOk, spansSent);
        }
        finally
        {
            _exporting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await ExportAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The HTTP client went first.
        }

        _metrics?.Dispose();
        _spans?.Dispose();
        _exporting.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<bool> PostAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.Endpoint!, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (k, v) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(k, v);
        }

        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Counted below; the next export tries again.
        }

        Interlocked.Increment(ref _failures);
        return false;
    }
}

/// <summary>What one export did: whether metrics and traces were accepted, and how many spans went.</summary>
public sealed record OtlpExportResult(bool MetricsAccepted, bool TracesAccepted, int SpansSent);
