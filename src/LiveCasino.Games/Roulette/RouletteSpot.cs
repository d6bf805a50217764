using System.Collections.Immutable;

namespace LiveCasino.Games.Roulette;

/// <summary>One spot of the roulette layout and the numbers it covers.</summary>
public sealed record RouletteSpot(SpotId Id, RouletteBetKind Kind, ImmutableArray<int> Numbers, string Description)
{
    /// <summary>Bit n set when number n is covered; makes "does it win" one AND.</summary>
    public ulong Mask { get; } = Numbers.Aggregate(0UL, (mask, n) => mask | (1UL << n));

    /// <summary>True for red/black, odd/even, low/high: the bets La Partage applies to.</summary>
    public bool IsEvenMoney => Kind is RouletteBetKind.Red or RouletteBetKind.Black or RouletteBetKind.Odd
        or RouletteBetKind.Even or RouletteBetKind.Low or RouletteBetKind.High;

    public bool Covers(int number) => number is >= 0 and <= RouletteLayout.MaxNumber && (Mask & (1UL << number)) != 0;

    /// <summary>Limit group name, e.g. "straight", "sixline", "red".</summary>
    public string KindName => RouletteLayout.KindName(Kind);
}
