namespace LiveCasino.Observability.Otlp;

/// <summary>
/// Export of metrics and traces over OTLP/HTTP with JSON bodies (<c>POST {Endpoint}/v1/metrics</c>
/// and <c>/v1/traces</c>), to an OpenTelemetry Collector or any OTLP receiver. Off by default. The
/// OpenTelemetry SDK packages do not restore here; this is the protocol's JSON mapping, written by hand.
/// </summary>
public sealed class OtlpOptions
{
    public const string Section = "LiveCasino:Otlp";

    public bool Enabled { get; set; }

    /// <summary>Base address of the receiver (the collector's OTLP/HTTP port, usually 4318).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>service.name</c> of the resource.</summary>
    public string ServiceName { get; set; } = "livecasino";

    /// <summary><c>service.instance.id</c> (the node name); empty leaves it out.</summary>
    public string? ServiceInstance { get; set; }

    public bool ExportMetrics { get; set; } = true;

    public bool ExportTraces { get; set; } = true;

    /// <summary>Meters whose name starts with one of these are exported.</summary>
    public IList<string> MeterPrefixes { get; } = ["LiveCasino"];

    /// <summary>Activity sources whose name starts with one of these are traced (ASP.NET Core's is "Microsoft.AspNetCore").</summary>
    public IList<string> ActivitySourcePrefixes { get; } = ["LiveCasino"];

    /// <summary>How often the exporter sends.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Finished spans held between exports; past it new spans are dropped (and counted).</summary>
    public int QueuedSpansMax { get; set; } = 10_000;

    /// <summary>Spans sent in one request; the rest wait for the next.</summary>
    public int SpansPerExportMax { get; set; } = 2_000;

    /// <summary>Label sets kept per instrument; more are dropped (and counted).</summary>
    public int SeriesPerInstrumentMax { get; set; } = 1_000;

    /// <summary>Extra request headers (an API key for a hosted collector); at most 16.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bucket bounds of histograms.</summary>
    public IList<double> HistogramBounds { get; } = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    public OtlpOptions Validate()
    {
        if (!Enabled)
        {
            return this;
        }

        Check(Endpoint is { IsAbsoluteUri: true } e && (e.Scheme == Uri.UriSchemeHttp || e.Scheme == Uri.UriSchemeHttps), nameof(Endpoint), "must be an absolute http(s) address when Enabled");
        Check(!string.IsNullOrWhiteSpace(ServiceName) && ServiceName.Length <= 128, nameof(ServiceName), "must be 1-128 characters");
        Check(Interval >= TimeSpan.FromMilliseconds(100) && Interval <= TimeSpan.FromHours(1), nameof(Interval), "must be 100 ms to 1 h");
        Check(Timeout >= TimeSpan.FromMilliseconds(100) && Timeout <= TimeSpan.FromMinutes(1), nameof(Timeout), "must be 100 ms to 1 min");
        Check(QueuedSpansMax is >= 1 and <= 1_000_000, nameof(QueuedSpansMax), "must be 1 to 1,000,000");
        Check(SpansPerExportMax is >= 1 and <= 100_000, nameof(SpansPerExportMax), "must be 1 to 100,000");
        Check(SeriesPerInstrumentMax is >= 1 and <= 100_000, nameof(SeriesPerInstrumentMax), "must be 1 to 100,000");
        Check(Headers.Count <= 16, nameof(Headers), "holds at most 16 headers");
        Check(HistogramBounds.Count is >= 1 and <= 64 && HistogramBounds.Zip(HistogramBounds.Skip(1)).All(p => p.First < p.Second), nameof(HistogramBounds), "must be 1-64 increasing bounds");
        return this;
    }

    private static void Check(bool ok, string key, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"{Section}:{key} {rule}.", key);
        }
    }
}
