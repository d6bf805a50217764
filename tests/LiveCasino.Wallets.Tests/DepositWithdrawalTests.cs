using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

public sealed class DepositWithdrawalTests : WalletTest
{
    [Fact]
    public async Task A_new_wallet_is_empty_and_opening_again_in_the_same_currency_is_accepted()
    {
        Assert.Equal(WalletBalance.Empty(Currency), Accepted(await OpenAsync()).Balance);
        Accepted(await Send(new OpenWallet("open-again", Currency)));
        Rejected(await Send(new OpenWallet("open-usd", "USD")), WalletRejection.Invalid);
        Rejected(await Send(new OpenWallet("open-bad", "eur"), "p2"), WalletRejection.Invalid);
    }

    [Fact]
    public async Task Commands_to_a_wallet_never_opened_are_invalid()
    {
        Rejected(await Send(new BeginDeposit("d1", Eur(100), "card")), WalletRejection.Invalid);
    }

    [Fact]
    public async Task A_begun_deposit_is_a_pending_credit_that_is_not_available_until_confirmed()
    {
        await OpenAsync();
        var begun = Accepted(await Send(new BeginDeposit("d1", Eur(5_000), "card"))).Balance;
        Assert.Equal((5_000L, 0L, 0L), (begun.CreditsPending, begun.CreditsPosted, begun.Available));

        var confirmed = Accepted(await Send(new ConfirmDeposit("d1-ok", "d1", "psp-77"))).Balance;
        Assert.Equal((0L, 5_000L, 5_000L), (confirmed.CreditsPending, confirmed.CreditsPosted, confirmed.Available));
    }

    [Fact]
    public async Task A_failed_deposit_releases_the_pending_credit_and_can_not_be_confirmed_later()
    {
        await OpenAsync();
        await Send(new BeginDeposit("d1", Eur(5_000), "card"));
        var failed = Accepted(await Send(new FailDeposit("d1-fail", "d1", "declined"))).Balance;
        Assert.Equal(WalletBalance.Empty(Currency), failed);
        Rejected(await Send(new ConfirmDeposit("d1-ok", "d1", "psp-77")), WalletRejection.AlreadySettled);
    }

    [Fact]
    public async Task A_deposit_is_credited_once_however_many_confirmations_arrive()
    {
        await FundAsync(1_000, id: "d1");
        Rejected(await Send(new ConfirmDeposit("d1-ok-duplicate-webhook", "d1", "psp-d1")), WalletRejection.AlreadySettled);
        Rejected(await Send(new FailDeposit("d1-late-fail", "d1", "late")), WalletRejection.AlreadySettled);
        Assert.Equal(1_000, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task Confirming_an_unknown_deposit_or_a_bet_as_a_deposit_is_refused()
    {
        await FundAsync(1_000);
        Rejected(await Send(new ConfirmDeposit("c1", "never-begun", "psp")), WalletRejection.Unknown);
        await Send(new ReserveBet("bet-1", Eur(10), In(TimeSpan.FromMinutes(1)), "t/1"));
        Rejected(await Send(new ConfirmDeposit("c2", "bet-1", "psp")), WalletRejection.Invalid);
    }

    [Fact]
    public async Task A_withdrawal_reserves_funds_until_paid_out()
    {
        await FundAsync(1_000);
        var requested = Accepted(await Send(new RequestWithdrawal("w1", Eur(400), "bank"))).Balance;
        Assert.Equal((400L, 600L, 1_000L), (requested.DebitsPending, requested.Available, requested.Posted));
        var paid = Accepted(await Send(new ConfirmWithdrawal("w1-paid", "w1", "bank-9"))).Balance;
        Assert.Equal((0L, 600L, 600L), (paid.DebitsPending, paid.Available, paid.Posted));
        Rejected(await Send(new RefuseWithdrawal("w1-refused", "w1", "late")), WalletRejection.AlreadySettled);
    }

    [Fact]
    public async Task A_refused_withdrawal_gives_the_money_back()
    {
        await FundAsync(1_000);
        await Send(new RequestWithdrawal("w1", Eur(400), "bank"));
        var refused = Accepted(await Send(new RefuseWithdrawal("w1-no", "w1", "iban invalid"))).Balance;
        Assert.Equal((0L, 1_000L), (refused.DebitsPending, refused.Available));
    }

    [Fact]
    public async Task A_withdrawal_beyond_the_available_balance_is_refused()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("bet-1", Eur(700), In(TimeSpan.FromMinutes(1)), "t/1"));
        var refused = Rejected(await Send(new RequestWithdrawal("w1", Eur(301), "bank")), WalletRejection.InsufficientFunds);
        Assert.Equal(300, refused.Balance.Available);
        Accepted(await Send(new RequestWithdrawal("w2", Eur(300), "bank")));
    }

    [Theory]
    [InlineData(0, "EUR")]
    [InlineData(-5, "EUR")]
    [InlineData(100, "USD")]
    public async Task Non_positive_amounts_and_other_currencies_are_invalid(long minor, string currency)
    {
        await OpenAsync();
        Rejected(await Send(new BeginDeposit("d1", new Money(minor, currency), "card")), WalletRejection.Invalid);
        Rejected(await Send(new RequestWithdrawal("w1", new Money(minor, currency), "bank")), WalletRejection.Invalid);
        Rejected(await Send(new ReserveBet("b1", new Money(minor, currency), In(TimeSpan.FromMinutes(1)), "t")), WalletRejection.Invalid);
    }

    [Fact]
    public async Task An_operator_adjustment_moves_money_both_ways_but_never_below_zero()
    {
        await FundAsync(1_000);
        Assert.Equal(1_250, Accepted(await Send(new AdjustBalance("a1", Eur(250), "goodwill", "ops:ann"))).Balance.Available);
        Assert.Equal(1_050, Accepted(await Send(new AdjustBalance("a2", Eur(-200), "re-settlement round 7", "ops:bob"))).Balance.Available);
        Rejected(await Send(new AdjustBalance("a3", Eur(-1_051), "too much", "ops:bob")), WalletRejection.InsufficientFunds);
        Rejected(await Send(new AdjustBalance("a4", Eur(0), "nothing", "ops:bob")), WalletRejection.Invalid);
        Rejected(await Send(new AdjustBalance("a5", Eur(10), "", "ops:bob")), WalletRejection.Invalid);
        Rejected(await Send(new AdjustBalance("a6", Eur(10), "why", "")), WalletRejection.Invalid);
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
            Accepted(await Send(new BeginDeposit("d" + i, Eur(1), "card")));
        }

        Rejected(await Send(new BeginDeposit("d3", Eur(1), "card")), WalletRejection.LimitExceeded);
        Rejected(await Send(new ReserveBet("b1", Eur(1), In(TimeSpan.FromMinutes(1)), "t")), WalletRejection.LimitExceeded);
        Accepted(await Send(new FailDeposit("d0-fail", "d0", "x")));
        Accepted(await Send(new ReserveBet("b2", Eur(1), In(TimeSpan.FromMinutes(1)), "t")));
    }
}
