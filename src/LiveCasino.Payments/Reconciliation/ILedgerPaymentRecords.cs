namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// Our side of a reconciliation: every deposit and withdrawal the ledger knows, with its current
/// status. Implemented over the wallet journal's events by tag, so it reads the durable truth, not
/// an in-memory cache.
/// </summary>
public interface ILedgerPaymentRecords
{
    IAsyncEnumerable<LedgerPaymentRecord> ReadAllAsync(CancellationToken cancellationToken);
}
