namespace LiveCasino.Streams;

/// <summary>Settings shared by every stage of one pipeline.</summary>
public sealed class PipelineOptions
{
    /// <summary>Upper bound for <see cref="StageCapacity"/>: a stage link is a queue, not a store.</summary>
    public const int StageCapacityMax = 65_536;

    /// <summary>
    /// Elements each link between two stages holds. When a link is full the stage writing into it
    /// waits (backpressure); use a <see cref="Flow{T}.Buffer"/> stage to drop instead.
    /// </summary>
    public int StageCapacity { get; init; } = 16;

    /// <summary>Optional external stop; see <see cref="Streams.KillSwitch"/>.</summary>
    public KillSwitch? KillSwitch { get; init; }

    public void Validate()
    {
        if (StageCapacity is < 1 or > StageCapacityMax)
        {
            throw new ArgumentOutOfRangeException(nameof(StageCapacity), StageCapacity, $"StageCapacity must be between 1 and {StageCapacityMax}.");
        }
    }
}
