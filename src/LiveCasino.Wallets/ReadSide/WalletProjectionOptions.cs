namespace LiveCasino.Wallets.ReadSide;

/// <summary>Bounds of the in-memory read model (<see cref="WalletLedgerProjection"/>).</summary>
public sealed record WalletProjectionOptions
{
    /// <summary>Newest history lines kept per player; older ones stay in the journal only.</summary>
    public int EntriesPerPlayerMax { get; init; } = 1_000;

    /// <summary>Most players tracked; one more fails the projection loudly rather than dropping money from the totals.</summary>
    public int PlayersMax { get; init; } = 1_000_000;

    /// <summary>Most anomalies (invariant breaks seen on the read side) kept for inspection; the count is unbounded.</summary>
    public int AnomaliesMax { get; init; } = 100;

    /// <summary>Largest page of history.</summary>
    public int PageSizeMax { get; init; } = 500;

    public static WalletProjectionOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EntriesPerPlayerMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(PlayersMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AnomaliesMax, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSizeMax, 1);
    }
}
