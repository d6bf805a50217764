namespace LiveCasino.Games.Cards;

/// <summary>Why the shoe refused an operation; <see cref="None"/> when it was accepted.</summary>
public enum ShoeRejection
{
    None = 0,

    /// <summary>More copies of this rank and suit than the shoe holds: a foreign card or a mis-scan. The shoe is flagged.</summary>
    ImpossibleCard,

    /// <summary>Not a card at all (rank or suit out of range).</summary>
    InvalidCard,

    BurnNotExpected,

    /// <summary>A round card was drawn, or a round started, before the burn was complete.</summary>
    BurnIncomplete,

    NoRoundInProgress,

    RoundInProgress,

    /// <summary>The shoe is done (cut card hands played, or flagged): change the shoe.</summary>
    ShoeFinished,

    CutCardAlreadyReached,
}
