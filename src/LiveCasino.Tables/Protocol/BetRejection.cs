namespace LiveCasino.Tables.Protocol;

/// <summary>Why a bet was refused, cancelled or voided. Stable names: they reach clients and logs.</summary>
public enum BetRejection
{
    /// <summary>The table has no configuration yet.</summary>
    TableNotConfigured,

    /// <summary>No round is taking bets.</summary>
    NoRoundOpen,

    /// <summary>The bet names another round than the one taking bets.</summary>
    WrongRound,

    /// <summary>The betting window had closed (by server time) when the bet arrived, or closed while its stake was still being reserved.</summary>
    BettingClosed,

    /// <summary>The wallet reserved the stake after the window closed; the reservation was voided.</summary>
    ReservedAfterClose,

    /// <summary>The round was voided while the bet was being reserved.</summary>
    RoundVoided,

    WrongCurrency,
    EmptyBet,
    TooManyLinesOnBet,
    UnknownSpot,
    NotALayoutGeometry,
    NonPositiveAmount,
    BelowSpotMin,
    AboveSpotMax,

    /// <summary>Above <c>PlayerRoundMax</c>.</summary>
    AbovePlayerRoundMax,

    /// <summary>Above <c>LinesPerPlayerPerRoundMax</c>.</summary>
    TooManyLinesForPlayer,

    /// <summary>Above <c>BetsPerPlayerPerRoundMax</c>.</summary>
    TooManyBetsForPlayer,

    /// <summary>Above <c>BetsPerRoundMax</c> (all players).</summary>
    TooManyBetsInRound,

    /// <summary>Above <c>RoundMax</c> (all players' stakes together).</summary>
    AboveRoundMax,

    /// <summary>The bet id was used by this player in this round for another bet.</summary>
    DuplicateBetId,

    /// <summary>Cancel or change of a bet this player does not have.</summary>
    UnknownBet,

    /// <summary>The bet is still being reserved, or already replaced or cancelled.</summary>
    NotChangeable,

    InsufficientFunds,

    /// <summary>Self-excluded or over a responsible-gaming limit.</summary>
    ResponsibleGaming,

    /// <summary>The wallet refused for another reason (wallet not open, conflict...).</summary>
    WalletRefused,

    /// <summary>Malformed request (ids too long, empty player id...).</summary>
    Invalid,
}
