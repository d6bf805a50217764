namespace LiveCasino.Observability;

/// <summary>What the Prometheus collector listens to and how much it may keep.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Meters whose name starts with one of these are exported ("LiveCasino" covers them all).</summary>
    public IList<string> MeterPrefixes { get; } = new List<string> { "LiveCasino" };

    /// <summary>Distinct label sets kept per instrument; further ones are dropped and counted.</summary>
    public int MaxSeriesPerInstrument { get; set; } = 1_000;

    /// <summary>Histogram bucket upper bounds for instruments in milliseconds.</summary>
    public IReadOnlyList<double> MillisecondBuckets { get; set; } = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000];

    /// <summary>Histogram bucket upper bounds for every other unit (counts, bytes, seconds).</summary>
    public IReadOnlyList<double> DefaultBuckets { get; set; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

    public PrometheusOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSeriesPerInstrument, 1, nameof(MaxSeriesPerInstrument));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxSeriesPerInstrument, 100_000, nameof(MaxSeriesPerInstrument));
        if (MeterPrefixes.Count == 0)
        {
            throw new ArgumentException("At least one meter prefix is needed.", nameof(MeterPrefixes));
        }

        CheckBuckets(MillisecondBuckets, nameof(MillisecondBuckets));
        CheckBuckets(DefaultBuckets, nameof(DefaultBuckets));
        return this;
    }

    private static void CheckBuckets(IReadOnlyList<double> buckets, string name)
    {
        if (buckets.Count is 0 or > 64)
        {
            throw new ArgumentException("Between 1 and 64 buckets.", name);
        }

        for (var i = 1; i < buckets.Count; i++)
        {
            if (!(buckets[i] > buckets[i - 1]))
            {
                throw new ArgumentException("Bucket bounds must be strictly ascending.", name);
            }
        }
    }
}
