namespace LiveCasino.Wallets.Ledger;

/// <summary>
/// A two-phase transfer waiting to be posted or voided (a deposit not yet confirmed, a withdrawal
/// not yet paid out, a bet stake not yet settled). <paramref name="ExpiresAt"/>, when set, is the
/// moment after which it can no longer be posted.
/// </summary>
public sealed record PendingTransfer(string Id, AccountKind Debit, AccountKind Credit, long Amount, DateTimeOffset? ExpiresAt);
