namespace LiveCasino.Tables.Protocol;

/// <summary>Where one bet is.</summary>
public enum BetStatus
{
    /// <summary>Recorded; its stake is being reserved.</summary>
    Pending,
    Accepted,
    Rejected,

    /// <summary>Taken back by the player before close.</summary>
    Cancelled,

    /// <summary>Changed into another bet.</summary>
    Replaced,

    /// <summary>Paid out (or lost) with the round.</summary>
    Settled,

    /// <summary>Refunded because the round was voided.</summary>
    Voided,
}
