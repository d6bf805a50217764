namespace LiveCasino.Tables.Protocol;

/// <summary>
/// Where the table's current round is. The forward path is
/// BettingOpen → BettingClosed → Dealing → ResultConfirmed → Settled; Voided is reachable from
/// every phase before Settled. None: no round was ever opened.
/// </summary>
public enum RoundPhase
{
    None,
    BettingOpen,
    BettingClosed,

    /// <summary>Cards are being dealt, or the ball is spinning.</summary>
    Dealing,
    ResultConfirmed,
    Settled,
    Voided,
}
