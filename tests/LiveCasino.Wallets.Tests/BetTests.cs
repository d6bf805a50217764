using LiveCasino.Stores.Journal;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

public sealed class BetTests : WalletTest
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_reservation_holds_the_stake_and_a_win_pays_stake_and_winnings()
    {
        await FundAsync(1_000);
        var reserved = Accepted(await Send(new ReserveBet("bet-1", Eur(100), In(Ttl), "t1/r7/b1"))).Balance;
        Assert.Equal((100L, 900L, 1_000L), (reserved.DebitsPending, reserved.Available, reserved.Posted));

        var won = Accepted(await Send(new SettleBet("bet-1-settle", "bet-1", Eur(350)))).Balance;
        Assert.Equal((0L, 1_250L, 1_250L), (won.DebitsPending, won.Available, won.Posted));
        Assert.Equal((1_350L, 100L), (won.CreditsPosted, won.DebitsPosted));
    }

    [Fact]
    public async Task A_lost_bet_posts_the_stake_to_the_house()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("bet-1", Eur(100), In(Ttl), "t1/r7/b1"));
        var lost = Accepted(await Send(new SettleBet("bet-1-settle", "bet-1", Eur(0)))).Balance;
        Assert.Equal((0L, 900L, 100L), (lost.DebitsPending, lost.Available, lost.DebitsPosted));
    }

    [Fact]
    public async Task A_stake_beyond_the_available_balance_is_refused()
    {
        await FundAsync(100);
        await Send(new ReserveBet("bet-1", Eur(60), In(Ttl), "t"));
        Rejected(await Send(new ReserveBet("bet-2", Eur(41), In(Ttl), "t")), WalletRejection.InsufficientFunds);
        Accepted(await Send(new ReserveBet("bet-3", Eur(40), In(Ttl), "t")));
    }

    [Fact]
    public async Task A_reservation_resolves_at_most_once()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("bet-1", Eur(100), In(Ttl), "t"));
        await Send(new SettleBet("s1", "bet-1", Eur(200)));
        Rejected(await Send(new SettleBet("s2", "bet-1", Eur(200))), WalletRejection.AlreadySettled);
        Rejected(await Send(new VoidBet("v1", "bet-1", "late void")), WalletRejection.AlreadySettled);

        await Send(new ReserveBet("bet-2", Eur(100), In(Ttl), "t"));
        Assert.Equal(1_100, Accepted(await Send(new VoidBet("v2", "bet-2", "round voided"))).Balance.Available);
        Rejected(await Send(new SettleBet("s3", "bet-2", Eur(200))), WalletRejection.AlreadySettled);
        Assert.Equal(1_100, Accepted(await Send(new VoidBet("v3", "bet-2", "second void"))).Balance.Available);
        Assert.Equal(1_100, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task Settling_an_unknown_or_refused_reservation_is_unknown()
    {
        await FundAsync(10);
        Rejected(await Send(new SettleBet("s1", "nope", Eur(5))), WalletRejection.Unknown);
        Rejected(await Send(new ReserveBet("bet-big", Eur(50), In(Ttl), "t")), WalletRejection.InsufficientFunds);
        Rejected(await Send(new SettleBet("s2", "bet-big", Eur(100))), WalletRejection.Unknown);
        Assert.Equal(10, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task A_void_before_the_reservation_leaves_a_tombstone_that_refuses_the_late_reservation()
    {
        await FundAsync(1_000);
        Accepted(await Send(new VoidBet("v1", "bet-late", "table timed out")));
        var late = Rejected(await Send(new ReserveBet("bet-late", Eur(100), In(Ttl), "t")), WalletRejection.Tombstoned);
        Assert.Equal(1_000, late.Balance.Available);
        Rejected(await Send(new ReserveBet("bet-late", Eur(100), In(Ttl), "t")), WalletRejection.Tombstoned);
        Accepted(await Send(new VoidBet("v2", "bet-late", "again")));
        Assert.Equal(1_000, (await BalanceAsync()).Available);
    }

    [Fact]
    public async Task An_expired_reservation_is_released_and_can_not_be_posted_only_voided()
    {
        await FundAsync(1_000);
        var expiry = In(Ttl);
        await Send(new ReserveBet("bet-1", Eur(100), expiry, "t"));
        Host.Time.Advance(Ttl);
        var refused = Rejected(await Send(new SettleBet("s1", "bet-1", Eur(200))), WalletRejection.Expired);
        Assert.Equal((0L, 1_000L), (refused.Balance.DebitsPending, refused.Balance.Available));
        Accepted(await Send(new VoidBet("v1", "bet-1", "cleanup")));
        Rejected(await Send(new SettleBet("s1", "bet-1", Eur(200))), WalletRejection.Expired);
    }

    [Fact]
    public async Task The_expiry_timer_releases_a_reservation_without_any_command()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("bet-1", Eur(100), In(Ttl), "t")); // the timer is armed before the reply goes out
        Host.Time.Advance(Ttl);
        await Eventually.TrueAsync(() => Expired(Host.InnerJournal, "bet-1"), "the wallet persisted the expiry on its own");
        Assert.Equal((0L, 1_000L), ((await BalanceAsync()).DebitsPending, (await BalanceAsync()).Available));
    }

    [Fact]
    public async Task Reservations_must_expire_in_the_future_within_the_longest_hold()
    {
        await FundAsync(1_000);
        Rejected(await Send(new ReserveBet("b1", Eur(1), Now, "t")), WalletRejection.Invalid);
        Rejected(await Send(new ReserveBet("b2", Eur(1), In(TimeSpan.FromHours(2)), "t")), WalletRejection.Invalid);
    }

    [Fact]
    public async Task A_payout_in_another_currency_or_negative_is_invalid_and_the_stake_stays_reserved()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("bet-1", Eur(100), In(Ttl), "t"));
        Rejected(await Send(new SettleBet("s1", "bet-1", new Money(200, "USD"))), WalletRejection.Invalid);
        Rejected(await Send(new SettleBet("s2", "bet-1", Eur(-1))), WalletRejection.Invalid);
        Assert.Equal(100, (await BalanceAsync()).DebitsPending);
        Accepted(await Send(new SettleBet("s3", "bet-1", Eur(0))));
    }

    private static bool Expired(Stores.Journal.IJournal journal, string reservationId)
    {
        var events = journal.ReplayAsync(WalletDirectory.PersistenceIdOf(Player), 1, long.MaxValue, long.MaxValue, CancellationToken.None).ToBlockingEnumerable();
        return events.Any(e => e.Payload is BetReservationExpired x && x.ReservationId == reservationId);
    }
}
