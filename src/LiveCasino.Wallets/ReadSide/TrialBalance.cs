using LiveCasino.Wallets.Ledger;

namespace LiveCasino.Wallets.ReadSide;

/// <summary>
/// The ledger-wide trial balance: every account kind summed over all wallets. Double entry means
/// posted debits equal posted credits and pending debits equal pending credits, so both nets are
/// zero; anything else is a bug the projection reports.
/// </summary>
public sealed record TrialBalance(IReadOnlyList<TrialBalanceLine> Lines, long Wallets, long Offset)
{
    public long DebitsPosted => Lines.Sum(l => l.Totals.DebitsPosted);

    public long CreditsPosted => Lines.Sum(l => l.Totals.CreditsPosted);

    public long DebitsPending => Lines.Sum(l => l.Totals.DebitsPending);

    public long CreditsPending => Lines.Sum(l => l.Totals.CreditsPending);

    public bool IsBalanced => DebitsPosted == CreditsPosted && DebitsPending == CreditsPending;

    public AccountTotals this[AccountKind kind] => Lines.First(l => l.Account == kind).Totals;
}

/// <summary>One account kind's totals over all wallets.</summary>
public sealed record TrialBalanceLine(AccountKind Account, AccountTotals Totals);
