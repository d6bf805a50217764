namespace LiveCasino.Streams;

/// <summary>Settings of a <see cref="Flow{T}.ReorderBySequence"/> stage.</summary>
public sealed class ReorderOptions
{
    /// <summary>Upper bound for <see cref="MaxPending"/>.</summary>
    public const int MaxPendingLimit = 100_000;

    /// <summary>
    /// Early elements held while waiting for a missing one. When one more would exceed it, the
    /// missing numbers are declared a gap at once and the held elements flow.
    /// </summary>
    public int MaxPending { get; init; } = 64;

    /// <summary>How long a missing number is waited for (from when the first later element arrived).</summary>
    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The number expected first; null takes the first element's number.</summary>
    public long? FirstSequence { get; init; }

    public void Validate()
    {
        if (MaxPending is < 1 or > MaxPendingLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPending), MaxPending, $"MaxPending must be between 1 and {MaxPendingLimit}.");
        }

        if (GapTimeout < RestartOptions.TimerResolution)
        {
            throw new ArgumentOutOfRangeException(nameof(GapTimeout), GapTimeout, "GapTimeout must be at least 1 ms (timers count whole milliseconds).");
        }
    }
}
