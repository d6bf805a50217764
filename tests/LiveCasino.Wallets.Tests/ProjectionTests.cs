using LiveCasino.Stores.Journal;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Ledger;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Wallets.ReadSide;
using LiveCasino.Wallets.Tests.Support;

namespace LiveCasino.Wallets.Tests;

public sealed class ProjectionTests : WalletTest
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task History_is_paged_newest_first_with_running_balances()
    {
        await FundAsync(1_000);
        await Send(new ReserveBet("b1", Eur(100), In(Ttl), "t1/r1"));
        await Send(new SettleBet("b1-s", "b1", Eur(250)));
        await Send(new RequestWithdrawal("w1", Eur(300), "bank"));
        await Send(new SetLimits("lim", 5_000, null)); // moves no money: not in the history
        await Send(new AdjustBalance("a1", Eur(-50), "fee", "ops:ann"));

        var projection = new WalletLedgerProjection();
        await projection.CatchUpAsync(Host.InnerJournal);
        var page1 = projection.History(Player, 3);
        Assert.Equal(["balance-adjusted", "withdrawal-requested", "bet-settled"], page1.Items.Select(i => i.Kind));
        Assert.Equal((-50L, -50L, 1_100L, 800L), (page1.Items[0].PostedDelta, page1.Items[0].AvailableDelta, page1.Items[0].PostedAfter, page1.Items[0].AvailableAfter));
        Assert.Equal((0L, -300L), (page1.Items[1].PostedDelta, page1.Items[1].AvailableDelta));
        Assert.Equal((150L, 250L, 1_150L), (page1.Items[2].PostedDelta, page1.Items[2].AvailableDelta, page1.Items[2].PostedAfter));

        var page2 = projection.History(Player, 3, page1.NextBeforeSequenceNr);
        Assert.Equal(["bet-reserved", "deposit-confirmed", "deposit-begun"], page2.Items.Select(i => i.Kind));
        Assert.Equal((0L, -100L, 900L), (page2.Items[0].PostedDelta, page2.Items[0].AvailableDelta, page2.Items[0].AvailableAfter));
        Assert.Equal(1_000, page2.Items[2].PendingCreditsAfter);
        Assert.Null(page2.NextBeforeSequenceNr);
        Assert.Equal(await BalanceAsync(), projection.BalanceOf(Player));
    }

    [Fact]
    public async Task The_trial_balance_over_all_wallets_sums_to_zero_and_shows_where_money_went()
    {
        await FundAsync(1_000, "p1");
        await FundAsync(2_000, "p2");
        await Send(new ReserveBet("b1", Eur(100), In(Ttl), "t"), "p1");
        await Send(new SettleBet("b1-s", "b1", Eur(0)), "p1");
        await Send(new ReserveBet("b2", Eur(200), In(Ttl), "t"), "p2");
        await Send(new SettleBet("b2-s", "b2", Eur(700)), "p2");
        await Send(new ReserveBet("b3", Eur(40), In(Ttl), "t"), "p2");
        await Send(new AdjustBalance("a1", Eur(30), "goodwill", "ops"), "p1");

        var projection = new WalletLedgerProjection();
        await projection.CatchUpAsync(Host.InnerJournal);
        var trial = projection.TrialBalance();
        Assert.True(trial.IsBalanced);
        Assert.Equal(2, trial.Wallets);
        Assert.Equal(-3_000, trial[AccountKind.PaymentClearing].NetPostedCredit);
        Assert.Equal(100 + 200 - 700, trial[AccountKind.House].NetPostedCredit);
        Assert.Equal(40, trial[AccountKind.House].CreditsPending);
        Assert.Equal(-30, trial[AccountKind.Adjustments].NetPostedCredit);
        Assert.Equal(3_000 - 100 - 200 + 700 + 30, trial[AccountKind.Player].NetPostedCredit);
        Assert.Equal(0, projection.AnomalyCount);
    }

    [Fact]
    public async Task A_resumed_projection_counts_nothing_twice()
    {
        await FundAsync(1_000);
        var projection = new WalletLedgerProjection();
        Assert.Equal(3, await projection.CatchUpAsync(Host.InnerJournal));
        await Send(new AdjustBalance("a1", Eur(5), "x", "ops"));
        Assert.Equal(1, await projection.CatchUpAsync(Host.InnerJournal));
        var all = await Host.InnerJournal.ReadTaggedAsync(Hosting.WalletDirectory.Tag, 0, 100, CancellationToken.None);
        foreach (var e in all)
        {
            projection.Apply(e); // delivered again
        }

        Assert.Equal(1_005, projection.BalanceOf(Player)!.Posted);
        Assert.Equal(3, projection.History(Player, 10).Items.Count); // opening moves no money
    }

    [Fact]
    public void A_transfer_resolved_twice_in_the_journal_is_reported_as_an_anomaly()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        WalletEvent[] events =
        [
            new WalletOpened("o", 1, "EUR", at),
            new BalanceAdjusted("a", 2, 500, "x", "ops", at),
            new BetReserved("b", 3, 100, at.AddMinutes(5), "t", at),
            new BetSettled("s1", 4, "b", 100, 0, at),
            new BetSettled("s2", 5, "b", 100, 0, at), // a second effect: what the wallet must never write
        ];
        var projection = new WalletLedgerProjection();
        for (var i = 0; i < events.Length; i++)
        {
            projection.Apply(new PersistentEvent("wallet-x", i + 1, events[i], at, ["wallet"], "w") { Offset = i + 1 });
        }

        Assert.Equal(1, projection.AnomalyCount);
        Assert.Contains("resolved but not open", projection.Anomalies[0], StringComparison.Ordinal);
    }
}
