namespace LiveCasino.Tables.Sensors;

/// <summary>
/// How the stream waits before it sends a reading again when the table did not answer, and before
/// it restarts its stages after a failure: min(Max, Min * 2^(n-1) * (1 + RandomFactor * r)).
/// </summary>
public sealed record SensorBackoff
{
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Jitter in [0, 1]: 0.2 spreads a wait by up to 20% so consoles do not retry in step.</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Test and diagnostics hook: called with each wait before a reading is sent again.</summary>
    public Action<TimeSpan>? OnRetry { get; init; }

    public TimeSpan Delay(int failuresInARow, double random01)
    {
        var exponential = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, failuresInARow - 1));
        var jittered = Math.Floor(exponential * (1 + (RandomFactor * random01)));
        return jittered >= MaxBackoff.TotalMilliseconds ? MaxBackoff : TimeSpan.FromMilliseconds(jittered);
    }

    public void Validate()
    {
        if (MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBackoff), $"Backoff needs 0 < MinBackoff <= MaxBackoff, not {MinBackoff} and {MaxBackoff}.");
        }

        if (RandomFactor is < 0 or > 1 || double.IsNaN(RandomFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "RandomFactor must be between 0 and 1.");
        }
    }
}
