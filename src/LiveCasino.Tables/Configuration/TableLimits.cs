using System.Collections.Immutable;

namespace LiveCasino.Tables.Configuration;

/// <summary>
/// Every limit a table applies to bets, in minor units of the table currency. A bet (one bet slip,
/// one wallet reservation) holds one or more lines (a stake on one spot). Each limit is checked
/// against the bets already accepted or still being reserved, so two bets in flight cannot
/// together pass a limit that each passes alone.
/// </summary>
/// <param name="Spot">Default range per spot, per player and round.</param>
/// <param name="SpotByKind">Ranges by spot kind ("straight", "banker"...), overriding <paramref name="Spot"/>.</param>
/// <param name="PlayerRoundMax">Most one player may stake in one round, all spots together.</param>
/// <param name="RoundMax">Most all players together may stake in one round (the table's exposure).</param>
/// <param name="BetsPerPlayerPerRoundMax">Bets (slips) one player may hold in one round; a refused one is <c>TooManyBetsForPlayer</c>.</param>
/// <param name="BetsPerRoundMax">Bets all players together may hold in one round; bounds settlement work.</param>
/// <param name="LinesPerBetMax">Lines on one bet (a call bet like Voisins du zéro is 7 lines).</param>
/// <param name="LinesPerPlayerPerRoundMax">Lines one player may hold in one round.</param>
public sealed record TableLimits(
    SpotRange Spot,
    IReadOnlyDictionary<string, SpotRange>? SpotByKind,
    long PlayerRoundMax,
    long RoundMax,
    int BetsPerPlayerPerRoundMax,
    int BetsPerRoundMax,
    int LinesPerBetMax,
    int LinesPerPlayerPerRoundMax)
{
    /// <summary>Hard ceiling of <see cref="BetsPerRoundMax"/>: the settlement of a round is one event.</summary>
    public const int BetsPerRoundCeiling = 200_000;

    /// <summary>Hard ceiling of <see cref="LinesPerBetMax"/>.</summary>
    public const int LinesPerBetCeiling = 64;

    public static TableLimits Default { get; } = new(
        new SpotRange(100, 500_000),
        null,
        PlayerRoundMax: 2_000_000,
        RoundMax: 2_000_000_000,
        BetsPerPlayerPerRoundMax: 20,
        BetsPerRoundMax: 50_000,
        LinesPerBetMax: 20,
        LinesPerPlayerPerRoundMax: 100);

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Spot);
        Spot.Validate("Spot");
        foreach (var (kind, range) in SpotByKind ?? ImmutableDictionary<string, SpotRange>.Empty)
        {
            range.Validate("SpotByKind[" + kind + "]");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(PlayerRoundMax, Spot.Min, nameof(PlayerRoundMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(RoundMax, PlayerRoundMax, nameof(RoundMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(BetsPerPlayerPerRoundMax, 1, nameof(BetsPerPlayerPerRoundMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(BetsPerRoundMax, BetsPerPlayerPerRoundMax, nameof(BetsPerRoundMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BetsPerRoundMax, BetsPerRoundCeiling, nameof(BetsPerRoundMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(LinesPerBetMax, 1, nameof(LinesPerBetMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LinesPerBetMax, LinesPerBetCeiling, nameof(LinesPerBetMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(LinesPerPlayerPerRoundMax, LinesPerBetMax, nameof(LinesPerPlayerPerRoundMax));
    }

    /// <summary>The per-player part, in the games library's terms.</summary>
    public BetLimits ToBetLimits() => new(
        new SpotLimit(Spot.Min, Spot.Max),
        PlayerRoundMax,
        LinesPerPlayerPerRoundMax,
        SpotByKind?.ToImmutableDictionary(kv => kv.Key, kv => new SpotLimit(kv.Value.Min, kv.Value.Max), StringComparer.Ordinal));
}
