namespace LiveCasino.Server.Api.Contracts;

// The wallet API's wire types. Amounts are integer minor units (cents); a fraction, a string or a
// number beyond 64 bits is refused with 400.

/// <summary>GET /api/wallet: available = what can be bet or withdrawn now.</summary>
public sealed record BalanceResponse(string Currency, long AvailableMinor, long PostedMinor, long PendingCreditsMinor, long PendingDebitsMinor);

/// <summary>One line of history, newest first; balances are right after the line.</summary>
public sealed record TransactionItem(
    long SequenceNr, DateTimeOffset At, string Kind, string? OperationId, string? Detail,
    long PostedDeltaMinor, long AvailableDeltaMinor, long PostedAfterMinor, long AvailableAfterMinor);

/// <summary>A page of history; pass <paramref name="NextBefore"/> as <c>before</c> for the next (older) page, null at the end.</summary>
public sealed record TransactionsResponse(IReadOnlyList<TransactionItem> Items, long? NextBefore);

/// <summary>
/// POST /api/wallet/deposits and /withdrawals. <paramref name="OperationId"/> is the client's
/// idempotency key (1-64 of A-Z a-z 0-9 _ -): sending the same request again never moves money
/// twice; the same id with other content is 409. <paramref name="Channel"/>: card, bank_transfer, e_wallet.
/// </summary>
public sealed record PaymentBody(string OperationId, long AmountMinor, string Currency, string Channel);

/// <summary>Where a deposit or withdrawal stands (state: submitting, awaiting_provider, completed, failed, ...).</summary>
public sealed record PaymentResponse(
    string OperationId, string Kind, string State, long AmountMinor, string Currency, string Channel, string? ProviderReference, string Detail, DateTimeOffset UpdatedAt);
