namespace LiveCasino.Observability;

/// <summary>
/// One label set of one instrument. Sums and counts are updated lock-free from any thread that
/// records a measurement; a scrape reads them without stopping writers (a histogram read may be a
/// few measurements apart between its buckets and its count, as Prometheus clients allow).
/// </summary>
internal sealed class MetricSeries(string labels, double[]? bounds)
{
    private readonly long[]? _buckets = bounds is null ? null : new long[bounds.Length + 1];
    private long _count;
    private double _value;

    /// <summary>Rendered label pairs, e.g. <c>reason="late",table="t1"</c>, or empty.</summary>
    public string Labels { get; } = labels;

    public double[]? Bounds { get; } = bounds;

    public long Count => Volatile.Read(ref _count);

    public double Value => Volatile.Read(ref _value);

    public long BucketCount(int i) => Volatile.Read(ref _buckets![i]);

    public void Add(double delta)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + delta, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Observe(double value)
    {
        var i = 0;
        while (i < Bounds!.Length && value > Bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _buckets![i]);
        Interlocked.Increment(ref _count);
        Add(value);
    }
}
