namespace LiveCasino.Streams;

/// <summary>Settings of a <see cref="Flow{T}.Throttle"/> stage: a token bucket.</summary>
public sealed class ThrottleOptions
{
    /// <summary>Upper bound for <see cref="Elements"/> and <see cref="MaximumBurst"/>.</summary>
    public const int ElementsMax = 1_000_000;

    /// <summary>Elements allowed per <see cref="Per"/> on average.</summary>
    public int Elements { get; init; } = 10;

    public TimeSpan Per { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Elements that may pass back to back after a quiet spell (the bucket size).</summary>
    public int MaximumBurst { get; init; } = 1;

    public ThrottleMode Mode { get; init; } = ThrottleMode.Shape;

    /// <summary>Time between two tokens.</summary>
    internal TimeSpan Interval => Per / Elements;

    public void Validate()
    {
        if (Elements is < 1 or > ElementsMax)
        {
            throw new ArgumentOutOfRangeException(nameof(Elements), Elements, $"Elements must be between 1 and {ElementsMax}.");
        }

        if (Per <= TimeSpan.Zero || Per / Elements <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Per), Per, "Per must be positive and at least one tick per element.");
        }

        if (MaximumBurst is < 1 or > ElementsMax)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumBurst), MaximumBurst, $"MaximumBurst must be between 1 and {ElementsMax}.");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown throttle mode.");
        }
    }
}
