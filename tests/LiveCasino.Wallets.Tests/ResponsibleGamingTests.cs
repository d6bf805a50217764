using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

public sealed class ResponsibleGamingTests : WalletTest
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    /// <summary>Moves the fake clock to the next UTC midnight plus <paramref name="after"/>.</summary>
    private void AdvanceToNextUtcDay(TimeSpan after)
    {
        var now = Host.Time.GetUtcNow();
        var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Host.Time.Advance(midnight - now + after);
    }

    [Fact]
    public async Task The_daily_deposit_limit_counts_begun_deposits_gives_back_failed_ones_and_resets_at_utc_midnight()
    {
        await OpenAsync();
        Accepted(await Send(new SetLimits("lim", 1_000, null)));
        Accepted(await Send(new BeginDeposit("d1", Eur(600), "card")));
        Rejected(await Send(new BeginDeposit("d2", Eur(401), "card")), WalletRejection.LimitExceeded);
        Accepted(await Send(new FailDeposit("d1-fail", "d1", "declined")));
        Accepted(await Send(new BeginDeposit("d3", Eur(1_000), "card")));
        Rejected(await Send(new BeginDeposit("d4", Eur(1), "card")), WalletRejection.LimitExceeded);
        AdvanceToNextUtcDay(TimeSpan.FromMinutes(1));
        Accepted(await Send(new BeginDeposit("d5", Eur(1_000), "card")));
    }

    [Fact]
    public async Task The_daily_loss_limit_counts_net_losses_and_open_stakes()
    {
        await FundAsync(10_000);
        Accepted(await Send(new SetLimits("lim", null, 500)));
        await Send(new ReserveBet("b1", Eur(300), In(Ttl), "t"));
        Rejected(await Send(new ReserveBet("b2", Eur(201), In(Ttl), "t")), WalletRejection.LimitExceeded); // 300 at stake
        await Send(new SettleBet("b1-s", "b1", Eur(0))); // lost 300
        Accepted(await Send(new ReserveBet("b3", Eur(200), In(Ttl), "t")));
        await Send(new SettleBet("b3-s", "b3", Eur(400))); // won 200 net: loss today 100
        Accepted(await Send(new ReserveBet("b4", Eur(400), In(Ttl), "t")));
        Rejected(await Send(new ReserveBet("b5", Eur(1), In(Ttl), "t")), WalletRejection.LimitExceeded);
        await Send(new VoidBet("b4-v", "b4", "round void"));
        AdvanceToNextUtcDay(TimeSpan.FromMinutes(1));
        Accepted(await Send(new ReserveBet("b6", Eur(500), In(Ttl), "t")));
    }

    [Fact]
    public async Task Limits_are_optional_and_must_not_be_negative()
    {
        await OpenAsync();
        Rejected(await Send(new SetLimits("lim", -1, null)), WalletRejection.Invalid);
        Accepted(await Send(new SetLimits("lim2", 0, null)));
        Rejected(await Send(new BeginDeposit("d1", Eur(1), "card")), WalletRejection.LimitExceeded);
        Accepted(await Send(new SetLimits("lim3", null, null)));
        Accepted(await Send(new BeginDeposit("d2", Eur(1), "card")));
    }

    [Fact]
    public async Task Self_exclusion_blocks_bets_and_deposits_but_never_withdrawals_or_settlements()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("b1", Eur(100), In(Ttl), "t"));
        await Send(new BeginDeposit("d-open", Eur(100), "card"));
        Accepted(await Send(new SelfExclude("x1", In(TimeSpan.FromDays(30)))));

        Rejected(await Send(new ReserveBet("b2", Eur(100), In(Ttl), "t")), WalletRejection.SelfExcluded);
        Rejected(await Send(new BeginDeposit("d2", Eur(100), "card")), WalletRejection.SelfExcluded);
        Accepted(await Send(new SettleBet("b1-s", "b1", Eur(200))));
        Accepted(await Send(new ConfirmDeposit("d-open-ok", "d-open", "psp"))); // money already sent is credited
        Accepted(await Send(new RequestWithdrawal("w1", Eur(1_200), "bank")));
    }

    [Fact]
    public async Task Self_exclusion_is_never_shortened_and_ends_when_its_time_has_come()
    {
        await FundAsync(1_000);
        Accepted(await Send(new SelfExclude("x1", In(TimeSpan.FromDays(2)))));
        Accepted(await Send(new SelfExclude("x2", In(TimeSpan.FromHours(1)))));
        Host.Time.Advance(TimeSpan.FromDays(1));
        Rejected(await Send(new ReserveBet("b1", Eur(1), In(Ttl), "t")), WalletRejection.SelfExcluded);
        Host.Time.Advance(TimeSpan.FromDays(1));
        Accepted(await Send(new ReserveBet("b2", Eur(1), In(Ttl), "t")));
        Rejected(await Send(new SelfExclude("x3", Now)), WalletRejection.Invalid);
    }
}
