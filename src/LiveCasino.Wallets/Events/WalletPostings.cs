using LiveCasino.Wallets.Ledger;

namespace LiveCasino.Wallets.Events;

/// <summary>
/// The ledger movements of an event, derived from the event alone (no state): the wallet actor
/// applies them to its ledger, the read side to its ledger-wide totals, so both see the same
/// double-entry transfers. At most <see cref="Max"/> postings per event.
/// </summary>
public static class WalletPostings
{
    public const int Max = 2;

    /// <summary>Writes the postings of <paramref name="e"/> into <paramref name="into"/>; returns how many.</summary>
    public static int Of(WalletEvent e, Span<Posting> into)
    {
        ArgumentNullException.ThrowIfNull(e);
        const AccountKind P = AccountKind.Player, H = AccountKind.House, C = AccountKind.PaymentClearing, A = AccountKind.Adjustments;
        switch (e)
        {
            case DepositBegun d:
                into[0] = new Posting(PostingKind.Pending, d.OperationId, C, P, d.AmountMinor);
                return 1;
            case DepositConfirmed d:
                into[0] = new Posting(PostingKind.PostPending, d.DepositId, C, P, d.AmountMinor);
                return 1;
            case DepositFailed d:
                into[0] = new Posting(PostingKind.VoidPending, d.DepositId, C, P, d.AmountMinor);
                return 1;
            case WithdrawalRequested w:
                into[0] = new Posting(PostingKind.Pending, w.OperationId, P, C, w.AmountMinor);
                return 1;
            case WithdrawalConfirmed w:
                into[0] = new Posting(PostingKind.PostPending, w.WithdrawalId, P, C, w.AmountMinor);
                return 1;
            case WithdrawalRefused w:
                into[0] = new Posting(PostingKind.VoidPending, w.WithdrawalId, P, C, w.AmountMinor);
                return 1;
            case BetReserved b:
                into[0] = new Posting(PostingKind.Pending, b.OperationId, P, H, b.StakeMinor);
                return 1;
            case BetSettled s:
                into[0] = new Posting(PostingKind.PostPending, s.ReservationId, P, H, s.StakeMinor);
                if (s.PayoutMinor > 0)
                {
                    into[1] = new Posting(PostingKind.Posted, s.OperationId, H, P, s.PayoutMinor);
                    return 2;
                }

                return 1;
            case BetVoided v:
                into[0] = new Posting(PostingKind.VoidPending, v.ReservationId, P, H, v.StakeMinor);
                return 1;
            case BetReservationExpired x:
                into[0] = new Posting(PostingKind.VoidPending, x.ReservationId, P, H, x.StakeMinor);
                return 1;
            case BalanceAdjusted a when a.SignedAmountMinor > 0:
                into[0] = new Posting(PostingKind.Posted, a.OperationId, A, P, a.SignedAmountMinor);
                return 1;
            case BalanceAdjusted a:
                into[0] = new Posting(PostingKind.Posted, a.OperationId, P, A, -a.SignedAmountMinor);
                return 1;
            default:
                return 0;
        }
    }
}
