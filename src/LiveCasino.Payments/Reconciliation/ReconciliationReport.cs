namespace LiveCasino.Payments.Reconciliation;

/// <summary>The result of <see cref="Reconciler"/>: one line per operation id seen on either side, in operation id order.</summary>
public sealed record ReconciliationReport(IReadOnlyList<ReconciliationLine> Lines)
{
    public int Matched => Lines.Count(l => l.Matched);

    /// <summary>Lines carrying <paramref name="kind"/> (a line may carry several discrepancies).</summary>
    public int Count(Discrepancy kind) => Lines.Count(l => (l.Discrepancies & kind) != 0);

    public int NeedingAttention => Lines.Count(l => l.NeedsAttention);

    public bool Clean => NeedingAttention == 0;
}
