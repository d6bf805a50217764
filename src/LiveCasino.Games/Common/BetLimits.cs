using System.Collections.Immutable;

namespace LiveCasino.Games.Common;

/// <summary>Table limits supplied by the caller (the table's configuration), per player and round.</summary>
/// <param name="DefaultSpot">Applies to spots whose kind has no entry in <paramref name="ByKind"/>.</param>
/// <param name="RoundMax">Most a player may stake in total in one round.</param>
/// <param name="BetsPerRoundMax">Most bets a player may hold in one round; bounds settlement work.</param>
/// <param name="ByKind">Per-kind limits ("straight" is usually lower than "red").</param>
public sealed record BetLimits(
    SpotLimit DefaultSpot,
    long RoundMax,
    int BetsPerRoundMax,
    ImmutableDictionary<string, SpotLimit>? ByKind = null)
{
    public SpotLimit For(string kind) =>
        ByKind is not null && ByKind.TryGetValue(kind, out var limit) ? limit : DefaultSpot;
}
