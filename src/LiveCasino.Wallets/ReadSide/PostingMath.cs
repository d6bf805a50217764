using LiveCasino.Wallets.Ledger;

namespace LiveCasino.Wallets.ReadSide;

/// <summary>How a posting changes one side's totals (the read side's copy of the ledger rule, kept free of validation).</summary>
internal static class PostingMath
{
    public static AccountTotals Move(AccountTotals t, in Posting p, bool debit)
    {
        var a = p.Amount;
        return (p.Kind, debit) switch
        {
            (PostingKind.Posted, true) => t with { DebitsPosted = t.DebitsPosted + a },
            (PostingKind.Posted, false) => t with { CreditsPosted = t.CreditsPosted + a },
            (PostingKind.Pending, true) => t with { DebitsPending = t.DebitsPending + a },
            (PostingKind.Pending, false) => t with { CreditsPending = t.CreditsPending + a },
            (PostingKind.PostPending, true) => t with { DebitsPending = t.DebitsPending - a, DebitsPosted = t.DebitsPosted + a },
            (PostingKind.PostPending, false) => t with { CreditsPending = t.CreditsPending - a, CreditsPosted = t.CreditsPosted + a },
            (PostingKind.VoidPending, true) => t with { DebitsPending = t.DebitsPending - a },
            _ => t with { CreditsPending = t.CreditsPending - a },
        };
    }
}
