using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

public sealed class DepositWithdrawalTests : WalletTest
{
    [Fact]
    public async Task A_new_wallet_is_empty_and_opening_again_in_the_same_currency_is_accepted()
    {
        Assert.Equal(WalletBalance.Empty(Currency), Accepted(await OpenAsync()).Balance);
        Accepted(await Send(r => new OpenWallet("open-again", Currency, r)));
        Rejected(await Send(r => new OpenWallet("open-usd", "USD", r)), WalletRejection.Invalid);
        Rejected(await Send(r => new OpenWallet("open-bad", "eur", r), "p2"), WalletRejection.Invalid);
    }

    [Fact]
    public async Task Commands_to_a_wallet_never_opened_are_invalid()
    {
        Rejected(await Send(r => new BeginDeposit("d1", Eur(100), "card", r)), WalletRejection.Invalid);
    }

    [Fact]
    public async Task A_begun_deposit_is_a_pending_credit_that_is_not_available_until_confirmed()
    {
        await OpenAsync();
        var begun = Accepted(await Send(r => new BeginDeposit("d1", Eur(5_000), "card", r))).Balance;
        Assert.Equal((5_000L, 0L, 0L), (begun.CreditsPending, begun.CreditsPosted, begun.Available));

        var confirmed = Accepted(await Send(r => new ConfirmDeposit("d1-ok", "d1", "psp-77", r))).Balance;
        Assert.Equal((0L, 5_000L, 5_000L), (confirmed.CreditsPending, confirmed.CreditsPosted, confirmed.Available));
    }

    [Fact]
    public async Task A_failed_deposit_releases_the_pending_credit_and_can_not_be_confirmed_later()
    {
        await OpenAsync();
        await Send(r => new BeginDeposit("d1", Eur(5_000), "card", r));
        var failed = Accepted(await Send(r => new FailDeposit("d1-fail", "d1", "declined", r))).Balance;
        Assert.Equal(WalletBalance.Empty(Currency), failed);
        Rejected(await Send(r => new ConfirmDeposit("d1-ok", "d1", "psp-77", r)), WalletRejection.AlreadySettled);
    }

    [Fact]
    public async Task A_deposit_is_credited_once_however_many_confirmations_arrive()
    {
        await FundAsync(1_000, id: "d1");
        Rejected(await Send(r => new ConfirmDeposit("d1-ok-duplicate-webhook", "d1", "psp-d1", r)), WalletRejection.AlreadySettled);
        Rejected(await Send(r => new FailDeposit("d1-late-fail", "d1", "late", r)), WalletRejection.AlreadySettled);
        Assert.Equal(1_000, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task Confirming_an_unknown_deposit_or_a_bet_as_a_deposit_is_refused()
    {
        await FundAsync(1_000);
        Rejected(await Send(r => new ConfirmDeposit("c1", "never-begun", "psp", r)), WalletRejection.Unknown);
        await Send(r => new ReserveBet("bet-1", Eur(10), In(TimeSpan.FromMinutes(1)), "t/1", r));
        Rejected(await Send(r => new ConfirmDeposit("c2", "bet-1", "psp", r)), WalletRejection.Invalid);
    }

    [Fact]
    public async Task A_withdrawal_reserves_funds_until_paid_out()
    {
        await FundAsync(1_000);
        var requested = Accepted(await Send(r => new RequestWithdrawal("w1", Eur(400), "bank", r))).Balance;
        Assert.Equal((400L, 600L, 1_000L), (requested.DebitsPending, requested.Available, requested.Posted));
        var paid = Accepted(await Send(r => new ConfirmWithdrawal("w1-paid", "w1", "bank-9", r))).Balance;
        Assert.Equal((0L, 600L, 600L), (paid.DebitsPending, paid.Available, paid.Posted));
        Rejected(await Send(r => new RefuseWithdrawal("w1-refused", "w1", "late", r)), WalletRejection.AlreadySettled);
    }

    [Fact]
    public async Task A_refused_withdrawal_gives_the_money_back()
    {
        await FundAsync(1_000);
        await Send(r => new RequestWithdrawal("w1", Eur(400), "bank", r));
        var refused = Accepted(await Send(r => new RefuseWithdrawal("w1-no", "w1", "iban invalid", r))).Balance;
        Assert.Equal((0L, 1_000L), (refused.DebitsPending, refused.Available));
    }

    [Fact]
    public async Task A_withdrawal_beyond_the_available_balance_is_refused()
    {
        await FundAsync(1_000);
        await Send(r => new ReserveBet("bet-1", Eur(700), In(TimeSpan.FromMinutes(1)), "t/1", r));
        var refused = Rejected(await Send(r => new RequestWithdrawal("w1", Eur(301), "bank", r)), WalletRejection.InsufficientFunds);
        Assert.Equal(300, refused.Balance.Available);
        Accepted(await Send(r => new RequestWithdrawal("w2", Eur(300), "bank", r)));
    }

    [Theory]
    [InlineData(0, "EUR")]
    [InlineData(-5, "EUR")]
    [InlineData(100, "USD")]
    public async Task Non_positive_amounts_and_other_currencies_are_invalid(long minor, string currency)
    {
        await OpenAsync();
        Rejected(await Send(r => new BeginDeposit("d1", new Money(minor, currency), "card", r)), WalletRejection.Invalid);
        Rejected(await Send(r => new RequestWithdrawal("w1", new Money(minor, currency), "bank", r)), WalletRejection.Invalid);
        Rejected(await Send(r => new ReserveBet("b1", new Money(minor, currency), In(TimeSpan.FromMinutes(1)), "t", r)), WalletRejection.Invalid);
    }

    [Fact]
    public async Task An_operator_adjustment_moves_money_both_ways_but_never_below_zero()
    {
        await FundAsync(1_000);
        Assert.Equal(1_250, Accepted(await Send(r => new AdjustBalance("a1", Eur(250), "goodwill", "ops:ann", r))).Balance.Available);
        Assert.Equal(1_050, Accepted(await Send(r => new AdjustBalance("a2", Eur(-200), "re-settlement round 7", "ops:bob", r))).Balance.Available);
        Rejected(await Send(r => new AdjustBalance("a3", Eur(-1_051), "too much", "ops:bob", r)), WalletRejection.InsufficientFunds);
        Rejected(await Send(r => new AdjustBalance("a4", Eur(0), "nothing", "ops:bob", r)), WalletRejection.Invalid);
        Rejected(await Send(r => new AdjustBalance("a5", Eur(10), "", "ops:bob", r)), WalletRejection.Invalid);
        Rejected(await Send(r => new AdjustBalance("a6", Eur(10), "why", "", r)), WalletRejection.Invalid);
    }

    [Fact]
    public async Task Open_transfers_are_bounded()
    {
        await Host.DisposeAsync();
        var bounds = new Domain.WalletBounds { PendingTransfersMax = 3 };
        Host = await WalletHost.InMemoryAsync(new Hosting.WalletOptions { IdleTimeout = null, Bounds = bounds });
        await FundAsync(1_000);
        for (var i = 0; i < 3; i++)
        {
            Accepted(await Send(r => new BeginDeposit("d" + i, Eur(1), "card", r)));
        }

        Rejected(await Send(r => new BeginDeposit("d3", Eur(1), "card", r)), WalletRejection.LimitExceeded);
        Rejected(await Send(r => new ReserveBet("b1", Eur(1), In(TimeSpan.FromMinutes(1)), "t", r)), WalletRejection.LimitExceeded);
        Accepted(await Send(r => new FailDeposit("d0-fail", "d0", "x", r)));
        Accepted(await Send(r => new ReserveBet("b2", Eur(1), In(TimeSpan.FromMinutes(1)), "t", r)));
    }
}
