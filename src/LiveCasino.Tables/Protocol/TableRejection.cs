namespace LiveCasino.Tables.Protocol;

/// <summary>Why a dealer, manager or operator command was refused. Reported back to the console.</summary>
public enum TableRejection
{
    NotConfigured,
    InvalidConfig,

    /// <summary>The command needs no round in progress (configure, open, change shoe, re-settle).</summary>
    RoundInProgress,

    NoRoundInProgress,

    /// <summary>The command names another round than the current one.</summary>
    WrongRound,

    /// <summary>A result or card arrived while bets are still being taken.</summary>
    BettingStillOpen,

    /// <summary>Close bets when the round is not taking bets.</summary>
    BettingNotOpen,

    /// <summary>A different result after one was confirmed: a shift manager must re-settle.</summary>
    ConflictingResult,

    /// <summary>The card is not a card ("1X").</summary>
    InvalidCard,

    /// <summary>More copies of this card than the shoe holds (a ninth ace of spades in 8 decks); the shoe is flagged.</summary>
    ImpossibleCard,

    /// <summary>The card breaks the drawing rules (a third card to a hand that must stand, or to the wrong hand).</summary>
    BreaksDrawingRules,

    /// <summary>The hand is complete: no more cards.</summary>
    DealComplete,

    /// <summary>A card game command on a roulette table or the other way round.</summary>
    WrongGame,

    /// <summary>The spin does not stand (too few revolutions, a fault): spin again or void.</summary>
    NoSpin,

    NumberOutOfRange,

    /// <summary>The shoe is not ready: burn cards missing.</summary>
    BurnIncomplete,

    BurnNotExpected,

    /// <summary>The shoe is finished or flagged: change it.</summary>
    ShoeFinished,

    CutCardAlreadyReached,

    /// <summary>The round is settled: use a re-settlement instead.</summary>
    AlreadySettled,

    /// <summary>Re-settlement of a round that has no result, or is no longer kept in memory.</summary>
    NotCorrectable,

    /// <summary>A corrected result that equals the recorded one.</summary>
    SameResult,

    /// <summary>The console belongs to another studio than the table.</summary>
    WrongStudio,

    /// <summary>A position that has no card to re-scan.</summary>
    UnknownPosition,

    /// <summary>Malformed command (missing who or why, text too long).</summary>
    Invalid,
}
