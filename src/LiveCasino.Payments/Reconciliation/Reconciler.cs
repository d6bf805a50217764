using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>
/// Compares the provider's settlement report with our ledger, payment by payment, keyed by our
/// operation id (the provider echoes it): matched, missing on either side, and amount, currency,
/// status, player, kind or reference mismatches. Pure: the same inputs give the same report. Used by
/// the sample CLI (<c>reconcile</c>) and, later, the operator endpoint.
/// </summary>
public static class Reconciler
{
    public static ReconciliationReport Reconcile(IEnumerable<SettlementRow> provider, IEnumerable<LedgerPaymentRecord> ledger)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(ledger);
        var providerById = provider.ToLookup(r => r.OperationId, StringComparer.Ordinal);
        var ledgerById = ledger.ToLookup(r => r.OperationId, StringComparer.Ordinal);
        var lines = new List<ReconciliationLine>();
        foreach (var id in providerById.Select(g => g.Key).Union(ledgerById.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var rows = providerById[id].ToList();
            var records = ledgerById[id].ToList();
            lines.Add(Compare(id, rows.FirstOrDefault(), records.FirstOrDefault()));
            lines.AddRange(rows.Skip(1).Select(r => new ReconciliationLine(id, Discrepancy.DuplicateOperationId, r, null)));
            lines.AddRange(records.Skip(1).Select(r => new ReconciliationLine(id, Discrepancy.DuplicateOperationId, null, r)));
        }

        return new ReconciliationReport(lines);
    }

    /// <summary>Reads the ledger side from <paramref name="ledger"/>, then reconciles.</summary>
    public static async Task<ReconciliationReport> ReconcileAsync(IEnumerable<SettlementRow> provider, ILedgerPaymentRecords ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var records = new List<LedgerPaymentRecord>();
        await foreach (var record in ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return Reconcile(provider, records);
    }

    private static ReconciliationLine Compare(string id, SettlementRow? p, LedgerPaymentRecord? l)
    {
        if (p is null)
        {
            return new ReconciliationLine(id, Discrepancy.MissingAtProvider, null, l);
        }

        if (l is null)
        {
            return new ReconciliationLine(id, Discrepancy.MissingInLedger, p, null);
        }

        var d = Discrepancy.None;
        d |= p.AmountMinor != l.Amount.Minor ? Discrepancy.AmountMismatch : 0;
        d |= !string.Equals(p.Currency, l.Amount.Currency, StringComparison.Ordinal) ? Discrepancy.CurrencyMismatch : 0;
        d |= p.Status != l.Status ? Discrepancy.StatusMismatch : 0;
        d |= !string.Equals(p.PlayerId, l.PlayerId, StringComparison.Ordinal) ? Discrepancy.PlayerMismatch : 0;
        d |= p.Kind != l.Kind ? Discrepancy.KindMismatch : 0;
        d |= l.ProviderReference is not null && !string.Equals(p.ProviderReference, l.ProviderReference, StringComparison.Ordinal)
            ? Discrepancy.ReferenceMismatch
            : 0;
        return new ReconciliationLine(id, d, p, l);
    }
}
