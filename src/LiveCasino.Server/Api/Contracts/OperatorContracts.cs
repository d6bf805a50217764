namespace LiveCasino.Server.Api.Contracts;

/// <summary>POST /api/operator/consoles: a console for one studio.</summary>
public sealed record CreateConsoleRequest(string StudioId);

/// <summary>A console's API key, shown once: store it in the console, it cannot be read again.</summary>
public sealed record ConsoleKeyResponse(string ConsoleId, string StudioId, string ApiKey);

public sealed record ConsoleItem(string ConsoleId, string StudioId, DateTimeOffset CreatedAt, DateTimeOffset? KeyRotatedAt, bool Disabled);

/// <summary>One payment of a reconciliation: both sides as found and what differs.</summary>
public sealed record ReconciliationItem(
    string OperationId, string Result, bool NeedsAttention, string? Player, string? Kind,
    string? ProviderReference, long? ProviderAmountMinor, string? ProviderStatus, long? LedgerAmountMinor, string? LedgerStatus);

/// <summary>The result of a reconciliation run: counts, every line that is not a match, and the printed table.</summary>
public sealed record ReconciliationResponse(
    string Source, int Payments, int Matched, int NeedingAttention, bool Clean, string Summary, IReadOnlyList<ReconciliationItem> Discrepancies, string Table);

/// <summary>A payment waiting for an operator (provider unreachable, or wallet did not answer).</summary>
public sealed record StuckPaymentItem(string OperationId, string PlayerId, string Kind, string State, long AmountMinor, string Currency, int SubmitAttempts, string Detail, DateTimeOffset UpdatedAt);

/// <summary>GET /api/dealer/studios/{studioId}: a console's view of its studio.</summary>
public sealed record DealerStudioResponse(string StudioId, string ConsoleId);

/// <summary>
/// GET /api/operator/ledger/trial-balance: every account kind summed over every wallet in the shared
/// journal. Double entry: posted debits equal posted credits, pending debits equal pending credits.
/// </summary>
public sealed record TrialBalanceResponse(
    bool Balanced, long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending, long Wallets, IReadOnlyList<TrialBalanceLineItem> Lines);

/// <summary>One account kind's totals (player, house, paymentClearing, adjustments).</summary>
public sealed record TrialBalanceLineItem(string Account, long DebitsPosted, long CreditsPosted, long DebitsPending, long CreditsPending);
