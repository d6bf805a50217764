namespace LiveCasino.Tables.State;

/// <summary>What a pending wallet operation does.</summary>
internal enum OutboxKind
{
    /// <summary>SettleBet: post the reservation and credit the payout.</summary>
    Settle,

    /// <summary>VoidBet: release the reservation (refund, refused bet, cancelled bet, voided round).</summary>
    Void,

    /// <summary>AdjustBalance: a signed correction transfer.</summary>
    Adjust,
}

/// <summary>
/// A wallet operation the table owes and has not seen acknowledged. Derived from persisted events
/// only, so a restart rebuilds exactly the same outbox; the operation id is deterministic, so a
/// resend is a repeat the wallet answers without moving money twice.
/// </summary>
internal sealed record OutboxEntry(
    string OperationId,
    OutboxKind Kind,
    string PlayerId,
    string Currency,
    long RoundNo,
    long BetNo,
    string ReservationId,
    long Amount,
    long Stake,
    string Reason,
    string By);
