namespace LiveCasino.Streams;

/// <summary>
/// Restart with exponential backoff: after the n-th failure in a row the sink waits
/// min(MaxBackoff, MinBackoff * 2^(n-1) * (1 + RandomFactor * r)), r in [0, 1).
/// More than <see cref="MaxRestarts"/> restarts within <see cref="MaxRestartsWithin"/> fail the
/// pipeline with the sink's error. A success resets n.
/// </summary>
public sealed class RestartOptions
{
    /// <summary>Upper bound for <see cref="MaxRestarts"/>.</summary>
    public const int MaxRestartsLimit = 10_000;

    /// <summary>Smallest wait: timers count whole milliseconds.</summary>
    public static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(1);

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>No wait is ever longer than this, jitter included.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Jitter in [0, 1]: spreads restarts of many pipelines that failed together.</summary>
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Restarts allowed within <see cref="MaxRestartsWithin"/>; the next failure is final.</summary>
    public int MaxRestarts { get; init; } = 10;

    public TimeSpan MaxRestartsWithin { get; init; } = TimeSpan.FromMinutes(1);

    public FailedElementPolicy FailedElement { get; init; } = FailedElementPolicy.Retry;

    /// <summary>Source of jitter; pass a seeded instance for reproducible delays. Null uses a shared one.</summary>
    public Random? Random { get; init; }

    /// <summary>Told of each restart before its backoff starts (for logs and metrics); must not block.</summary>
    public Action<RestartAttempt>? OnRestart { get; init; }

    public void Validate()
    {
        if (MinBackoff < TimerResolution)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBackoff), MinBackoff, "MinBackoff must be at least 1 ms (timers count whole milliseconds).");
        }

        if (MaxBackoff < MinBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "MaxBackoff must be at least MinBackoff.");
        }

        if (double.IsNaN(RandomFactor) || RandomFactor is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RandomFactor), RandomFactor, "RandomFactor must be between 0 and 1.");
        }

        if (MaxRestarts is < 0 or > MaxRestartsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRestarts), MaxRestarts, $"MaxRestarts must be between 0 and {MaxRestartsLimit}.");
        }

        if (MaxRestartsWithin <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRestartsWithin), MaxRestartsWithin, "MaxRestartsWithin must be positive.");
        }

        if (!Enum.IsDefined(FailedElement))
        {
            throw new ArgumentOutOfRangeException(nameof(FailedElement), FailedElement, "Unknown failed-element policy.");
        }
    }
}
