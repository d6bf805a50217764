namespace LiveCasino.Tables.Sensors;

/// <summary>Limits and timings of a console's sensor stream (see docs/streams.md for what each stage does at its limit).</summary>
public sealed record SensorStreamOptions
{
    /// <summary>Upper bound of the element limits below.</summary>
    public const int LimitMax = 100_000;

    /// <summary>Raw lines held when the table is slower than the sensor; at the limit the reader waits (backpressure).</summary>
    public int IntakeCapacity { get; init; } = 256;

    /// <summary>A sequence number seen again within this window is a retransmit and dropped.</summary>
    public TimeSpan RetransmitWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The same content (same card, same pocket) read again within this window is one physical read, dropped.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromMilliseconds(1_500);

    /// <summary>Keys each de-duplication stage remembers.</summary>
    public int DedupKeysMax { get; init; } = 4_096;

    /// <summary>Readings held while a missing sequence number is awaited.</summary>
    public int ReorderPendingMax { get; init; } = 64;

    /// <summary>The number a console's first reading carries after it connects (null: whatever comes first). A reading lost before any other is then still reported as a gap.</summary>
    public long? FirstSequence { get; init; } = 1;

    /// <summary>How long a missing sequence number is awaited before it is reported as a gap.</summary>
    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a delivery waits for the console's (that is, the table's) answer before it sends again.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits before a reading is sent again (the table did not answer) and before the stages restart after a failure.</summary>
    public SensorBackoff Backoff { get; init; } = new();

    public static SensorStreamOptions Default { get; } = new();

    public SensorStreamOptions Validate()
    {
        Limit(IntakeCapacity, nameof(IntakeCapacity));
        Limit(DedupKeysMax, nameof(DedupKeysMax));
        Limit(ReorderPendingMax, nameof(ReorderPendingMax));
        Positive(RetransmitWindow, nameof(RetransmitWindow));
        Positive(RepeatWindow, nameof(RepeatWindow));
        Positive(GapTimeout, nameof(GapTimeout));
        Positive(AckTimeout, nameof(AckTimeout));
        ArgumentNullException.ThrowIfNull(Backoff);
        Backoff.Validate();
        return this;
    }

    private static void Limit(int value, string name)
    {
        if (value is < 1 or > LimitMax)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 1 and {LimitMax}.");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
