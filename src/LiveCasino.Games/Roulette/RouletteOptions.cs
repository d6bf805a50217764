namespace LiveCasino.Games.Roulette;

/// <summary>Per-table roulette settings.</summary>
public sealed record RouletteOptions
{
    public const int DefaultMinRevolutions = 4;

    public RouletteOptions(int minRevolutions = DefaultMinRevolutions)
    {
        if (minRevolutions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minRevolutions), minRevolutions, "At least one revolution.");
        }

        MinRevolutions = minRevolutions;
    }

    /// <summary>Regulators require the ball to circle the wheel several times; fewer and the spin is void.</summary>
    public int MinRevolutions { get; }

    public static RouletteOptions Default { get; } = new();
}
