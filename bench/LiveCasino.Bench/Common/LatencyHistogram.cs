namespace LiveCasino.Bench.Common;

/// <summary>
/// A lock-free log-linear histogram of microseconds (about 3 % precision, 1 µs to ~1 hour):
/// recording is one Interlocked.Increment, so it does not disturb what it measures.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 32;
    private const int Majors = 32;
    private readonly long[] _counts = new long[Majors * SubBuckets];

    public long Count => _counts.Sum();

    public void RecordTicks(long stopwatchTicks) => RecordMicros(stopwatchTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency);

    public void RecordMicros(long micros)
    {
        micros = Math.Max(micros, 1);
        var major = (int)Math.Min(63 - long.LeadingZeroCount(micros), Majors - 1);
        var sub = major < 5 ? (int)(micros & (SubBuckets - 1)) : (int)((micros >> (major - 5)) & (SubBuckets - 1));
        Interlocked.Increment(ref _counts[(major * SubBuckets) + sub]);
    }

    /// <summary>The value below which <paramref name="quantile"/> of recordings fall, in milliseconds.</summary>
    public double PercentileMs(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                var major = i / SubBuckets;
                var sub = i % SubBuckets;
                var upper = major < 5 ? sub + 1 : ((long)(SubBuckets + sub + 1) << (major - 5));
                return upper / 1000.0;
            }
        }

        return double.NaN;
    }
}
