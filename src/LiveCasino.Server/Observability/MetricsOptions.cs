namespace LiveCasino.Server.Observability;

/// <summary>Configuration section <c>LiveCasino:Metrics</c>: the Prometheus endpoint.</summary>
public sealed class MetricsOptions
{
    public const string Section = "LiveCasino:Metrics";

    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>Only operators may scrape (bearer token); off by default: scrape from a private network.</summary>
    public bool RequireOperator { get; set; }

    /// <summary>Meters exported, by name prefix.</summary>
    public IList<string> MeterPrefixes { get; } = new List<string>();

    public int MaxSeriesPerInstrument { get; set; } = 1_000;
}
