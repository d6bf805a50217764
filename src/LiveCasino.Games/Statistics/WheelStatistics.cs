namespace LiveCasino.Games.Statistics;

/// <summary>Wheel-bias monitoring over a spin history (numbers 0-36, oldest first).</summary>
public static class WheelStatistics
{
    public const int Pockets = 37;

    /// <summary>Hits per number over the last <paramref name="lastN"/> spins (all of them if fewer).</summary>
    public static IReadOnlyList<NumberCount> Counts(IReadOnlyList<int> spins, int lastN)
    {
        ArgumentNullException.ThrowIfNull(spins);
        if (lastN < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(lastN), lastN, "Window must hold at least one spin.");
        }

        var window = Math.Min(lastN, spins.Count);
        var hits = new int[Pockets];
        for (var i = spins.Count - window; i < spins.Count; i++)
        {
            var n = spins[i];
            if (n is < 0 or >= Pockets)
            {
                throw new ArgumentOutOfRangeException(nameof(spins), n, "Spin history holds numbers 0-36 only.");
            }

            hits[n]++;
        }

        // Binomial z-score: (hits - np) / sqrt(np(1-p)) with p = 1/37.
        const double p = 1.0 / Pockets;
        var mean = window * p;
        var sd = Math.Sqrt(window * p * (1 - p));
        return [.. hits.Select((h, n) => new NumberCount(n, h, sd > 0 ? (h - mean) / sd : 0))];
    }

    public static HotColdReport HotAndCold(IReadOnlyList<int> spins, int lastN, int take)
    {
        if (take is < 1 or > Pockets)
        {
            throw new ArgumentOutOfRangeException(nameof(take), take, "Take 1-37 numbers.");
        }

        var counts = Counts(spins, lastN);
        var hot = counts.OrderByDescending(c => c.Hits).ThenBy(c => c.Number).Take(take).ToArray();
        var cold = counts.OrderBy(c => c.Hits).ThenBy(c => c.Number).Take(take).ToArray();
        return new HotColdReport(Math.Min(lastN, spins.Count), hot, cold);
    }

    /// <summary>Pearson chi-square of all spins against 37 equally likely pockets (36 degrees of freedom).</summary>
    public static ChiSquareResult ChiSquare(IReadOnlyList<int> spins)
    {
        ArgumentNullException.ThrowIfNull(spins);
        if (spins.Count == 0)
        {
            throw new ArgumentException("Chi-square needs at least one spin.", nameof(spins));
        }

        var counts = Counts(spins, spins.Count);
        var expected = spins.Count / (double)Pockets;
        var statistic = counts.Sum(c => (c.Hits - expected) * (c.Hits - expected) / expected);
        const int df = Pockets - 1;
        return new ChiSquareResult(spins.Count, statistic, df, Gamma.ChiSquarePValue(statistic, df));
    }
}
