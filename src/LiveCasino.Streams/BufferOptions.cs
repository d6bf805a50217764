namespace LiveCasino.Streams;

/// <summary>Settings of a <see cref="Flow{T}.Buffer"/> stage.</summary>
public sealed class BufferOptions
{
    /// <summary>Upper bound for <see cref="Capacity"/>.</summary>
    public const int CapacityMax = 1_000_000;

    /// <summary>Elements held; when reached, <see cref="OverflowPolicy"/> decides.</summary>
    public int Capacity { get; init; } = 256;

    public OverflowPolicy OverflowPolicy { get; init; } = OverflowPolicy.Backpressure;

    public void Validate()
    {
        if (Capacity is < 1 or > CapacityMax)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, $"Capacity must be between 1 and {CapacityMax}.");
        }

        if (!Enum.IsDefined(OverflowPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(OverflowPolicy), OverflowPolicy, "Unknown overflow policy.");
        }
    }
}
