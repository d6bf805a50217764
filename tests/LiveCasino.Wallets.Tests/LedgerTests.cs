using LiveCasino.Wallets.Ledger;

namespace LiveCasino.Wallets.Tests;

public sealed class LedgerTests
{
    private static Posting Pending(string id, AccountKind debit, AccountKind credit, long amount) => new(PostingKind.Pending, id, debit, credit, amount);

    [Fact]
    public void A_two_phase_transfer_moves_pending_to_posted_on_both_sides()
    {
        var ledger = new WalletLedger();
        ledger.Apply(new Posting(PostingKind.Posted, "d", AccountKind.PaymentClearing, AccountKind.Player, 1_000));
        ledger.Apply(Pending("b", AccountKind.Player, AccountKind.House, 300));
        ledger.CheckInvariants();
        Assert.Equal(new AccountTotals(300, 0, 0, 1_000), ledger[AccountKind.Player]);
        Assert.Equal(new AccountTotals(0, 0, 300, 0), ledger[AccountKind.House]);
        Assert.Equal(700, ledger.Available);

        ledger.Apply(new Posting(PostingKind.PostPending, "b", AccountKind.Player, AccountKind.House, 300));
        ledger.CheckInvariants();
        Assert.Equal(new AccountTotals(0, 300, 0, 1_000), ledger[AccountKind.Player]);
        Assert.Equal(new AccountTotals(0, 0, 0, 300), ledger[AccountKind.House]);
        Assert.Empty(ledger.Pending);
    }

    [Fact]
    public void A_pending_transfer_resolves_once_and_only_with_its_own_amount_and_accounts()
    {
        var ledger = new WalletLedger();
        ledger.Apply(new Posting(PostingKind.Posted, "d", AccountKind.PaymentClearing, AccountKind.Player, 1_000));
        ledger.Apply(Pending("b", AccountKind.Player, AccountKind.House, 300));
        Assert.Throws<LedgerInvariantException>(() => ledger.Apply(new Posting(PostingKind.PostPending, "b", AccountKind.Player, AccountKind.House, 299)));
        Assert.Throws<LedgerInvariantException>(() => ledger.Apply(new Posting(PostingKind.VoidPending, "b", AccountKind.Player, AccountKind.PaymentClearing, 300)));
        Assert.Throws<LedgerInvariantException>(() => ledger.Apply(Pending("b", AccountKind.Player, AccountKind.House, 1)));
        ledger.Apply(new Posting(PostingKind.VoidPending, "b", AccountKind.Player, AccountKind.House, 300));
        Assert.Throws<LedgerInvariantException>(() => ledger.Apply(new Posting(PostingKind.PostPending, "b", AccountKind.Player, AccountKind.House, 300)));
        ledger.CheckInvariants();
        Assert.Equal(1_000, ledger.Available);
    }

    [Fact]
    public void Overdrawing_the_player_breaks_an_invariant()
    {
        var ledger = new WalletLedger();
        ledger.Apply(new Posting(PostingKind.Posted, "d", AccountKind.PaymentClearing, AccountKind.Player, 100));
        ledger.Apply(Pending("b", AccountKind.Player, AccountKind.House, 101));
        var e = Assert.Throws<LedgerInvariantException>(ledger.CheckInvariants);
        Assert.Contains("exceed posted credits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_ledger_must_balance()
    {
        var ledger = new WalletLedger();
        AccountTotals[] unbalanced = [new(0, 0, 0, 100), default, default, default];
        Assert.Throws<LedgerInvariantException>(() => ledger.Restore(unbalanced, []));
        AccountTotals[] pendingWithoutTransfer = [new(50, 0, 0, 100), new(0, 0, 50, 0), new(0, 100, 0, 0), default];
        Assert.Throws<LedgerInvariantException>(() => ledger.Restore(pendingWithoutTransfer, []));
        ledger.Restore(pendingWithoutTransfer, [new PendingTransfer("b", AccountKind.Player, AccountKind.House, 50, null)]);
        Assert.Equal(50, ledger.Available);
    }
}
