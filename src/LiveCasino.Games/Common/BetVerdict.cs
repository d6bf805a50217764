namespace LiveCasino.Games.Common;

/// <summary>Result of validating one bet: <see cref="Accepted"/> or the reason it is refused.</summary>
public enum BetVerdict
{
    Accepted = 0,

    /// <summary>No such spot in this game (or not its canonical spelling).</summary>
    UnknownSpot,

    /// <summary>Roulette: well-formed numbers that don't form that bet on the layout (a "split" of 1 and 5).</summary>
    NotALayoutGeometry,

    NonPositiveAmount,

    BelowSpotMin,

    /// <summary>This bet plus what the player already has on the spot exceeds the spot maximum.</summary>
    AboveSpotMax,

    /// <summary>This bet plus the player's other bets this round exceeds the round maximum.</summary>
    AboveRoundMax,

    TooManyBets,
}
