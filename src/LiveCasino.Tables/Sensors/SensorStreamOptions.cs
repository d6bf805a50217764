using LiveCasino.Streams;

namespace LiveCasino.Tables.Sensors;

/// <summary>Limits and timings of a console's sensor stream (see docs/tables.md for what each stage does at its limit).</summary>
public sealed record SensorStreamOptions
{
    /// <summary>Elements between two stages; a full link makes the stage before it wait.</summary>
    public int StageCapacity { get; init; } = 16;

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

    /// <summary>How long the sink waits for the console's (that is, the table's) answer before it retries.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Backoff of the sink when the console or table does not answer; retries the same reading.</summary>
    public RestartOptions Restart { get; init; } = new()
    {
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(5),
        MaxRestarts = 100,
        MaxRestartsWithin = TimeSpan.FromMinutes(1),
        FailedElement = FailedElementPolicy.Retry,
    };

    public static SensorStreamOptions Default { get; } = new();

    public SensorStreamOptions Validate()
    {
        new PipelineOptions { StageCapacity = StageCapacity }.Validate();
        new BufferOptions { Capacity = IntakeCapacity }.Validate();
        new DeduplicateOptions { Window = RetransmitWindow, MaxKeys = DedupKeysMax }.Validate();
        new DeduplicateOptions { Window = RepeatWindow, MaxKeys = DedupKeysMax }.Validate();
        new ReorderOptions { MaxPending = ReorderPendingMax, GapTimeout = GapTimeout, FirstSequence = FirstSequence }.Validate();
        ArgumentNullException.ThrowIfNull(Restart);
        Restart.Validate();
        if (AckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AckTimeout), AckTimeout, "AckTimeout must be positive.");
        }

        return this;
    }
}
