namespace LiveCasino.Games.Common;

/// <summary>Minimum and maximum total stake on one spot in one round, in minor units.</summary>
public sealed record SpotLimit
{
    public SpotLimit(long min, long max)
    {
        if (min <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "Spot minimum must be positive.");
        }

        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, "Spot maximum must be at least the minimum.");
        }

        Min = min;
        Max = max;
    }

    public long Min { get; }

    public long Max { get; }
}
