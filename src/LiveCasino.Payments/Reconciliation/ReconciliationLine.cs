namespace LiveCasino.Payments.Reconciliation;

/// <summary>One payment in a reconciliation: both sides as found (either may be missing) and what differs.</summary>
public sealed record ReconciliationLine(string OperationId, Discrepancy Discrepancies, SettlementRow? Provider, LedgerPaymentRecord? Ledger)
{
    public bool Matched => Discrepancies == Discrepancy.None;

    /// <summary>
    /// True when money may be wrong: anything but a match, except a payment that failed on our side
    /// and never reached the provider (the provider refused the submission: no money moved anywhere).
    /// </summary>
    public bool NeedsAttention =>
        !Matched && !(Discrepancies == Discrepancy.MissingAtProvider && Ledger?.Status == Gateway.PaymentStatus.Failed);
}
