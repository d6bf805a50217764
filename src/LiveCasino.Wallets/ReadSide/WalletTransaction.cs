namespace LiveCasino.Wallets.ReadSide;

/// <summary>
/// One line of a player's history: an event that moved money, with the player's balances right
/// after it (the running balance). Deltas are signed changes of the player's posted and available
/// balances; a reservation changes available only, its settlement posted only.
/// </summary>
public sealed record WalletTransaction(
    string PlayerId,
    long SequenceNr,
    long Offset,
    DateTimeOffset At,
    string Kind,
    string? OperationId,
    string? TransferId,
    string? Detail,
    long PostedDelta,
    long AvailableDelta,
    long PostedAfter,
    long AvailableAfter,
    long PendingCreditsAfter);

/// <summary>A page of history, newest first; <paramref name="NextBeforeSequenceNr"/> asks for the next (older) page, null at the end.</summary>
public sealed record HistoryPage(string PlayerId, IReadOnlyList<WalletTransaction> Items, long? NextBeforeSequenceNr);
