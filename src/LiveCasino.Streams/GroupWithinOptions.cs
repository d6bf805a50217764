namespace LiveCasino.Streams;

/// <summary>Settings of a <see cref="Flow{T}.GroupWithin"/> stage.</summary>
public sealed class GroupWithinOptions
{
    /// <summary>Upper bound for <see cref="MaxCount"/>.</summary>
    public const int MaxCountLimit = 100_000;

    /// <summary>A group is emitted as soon as it holds this many elements.</summary>
    public int MaxCount { get; init; } = 100;

    /// <summary>A group is emitted this long after its first element arrived, however small.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(200);

    public void Validate()
    {
        if (MaxCount is < 1 or > MaxCountLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCount), MaxCount, $"MaxCount must be between 1 and {MaxCountLimit}.");
        }

        if (MaxWait < RestartOptions.TimerResolution)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "MaxWait must be at least 1 ms (timers count whole milliseconds).");
        }
    }
}
