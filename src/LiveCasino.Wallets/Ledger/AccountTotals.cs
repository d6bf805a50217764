namespace LiveCasino.Wallets.Ledger;

/// <summary>
/// One account's four running totals, as TigerBeetle keeps them. Pending amounts are reserved by a
/// two-phase transfer that is neither posted nor voided yet; posted amounts are final.
/// </summary>
public readonly record struct AccountTotals(long DebitsPending, long DebitsPosted, long CreditsPending, long CreditsPosted)
{
    /// <summary>Posted credits minus posted debits (the credit-normal balance).</summary>
    public long NetPostedCredit => CreditsPosted - DebitsPosted;

    /// <summary>Pending credits minus pending debits.</summary>
    public long NetPendingCredit => CreditsPending - DebitsPending;

    public AccountTotals Add(AccountTotals other) => new(
        checked(DebitsPending + other.DebitsPending),
        checked(DebitsPosted + other.DebitsPosted),
        checked(CreditsPending + other.CreditsPending),
        checked(CreditsPosted + other.CreditsPosted));
}
