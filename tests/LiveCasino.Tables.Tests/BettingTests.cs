using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Tests.Support;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>Bets against the real wallet on fake time: the window, the reservation, every refusal reason.</summary>
public sealed class BettingTests : IAsyncLifetime
{
    private const string T = "table-1";
    private TableWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        await _world.ConfigureAsync(T, Roulette(TableLimits.Default with { BetsPerRoundMax = 30, BetsPerPlayerPerRoundMax = 3, RoundMax = 3_000_000 }));
        await _world.FundAsync("p1", 1_000_000);
        await _world.FundAsync("p2", 5_000_000);
        await _world.FundAsync("poor", 500);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Bet_within_the_window_is_accepted_after_its_stake_is_reserved()
    {
        var round = await _world.OpenRoundAsync(T);
        var accepted = await _world.BetAsync(T, round, "p1", "b1", Line("red", 1_000), Line("straight:17", 200)).Expect<TableReply.BetAccepted>();

        Assert.Equal((round, 1_200L), (accepted.RoundNo, accepted.Stake));
        var balance = await _world.BalanceAsync("p1");
        Assert.Equal((1_000_000L, 1_200L), (balance.Posted, balance.DebitsPending));
        var bets = await _world.BetsOfAsync(T, "p1");
        Assert.Equal(BetStatus.Accepted, Assert.Single(bets.Bets).Status);
    }

    [Fact]
    public async Task Bet_racing_the_close_by_a_millisecond_is_taken_before_and_refused_at_the_close()
    {
        var round = await _world.OpenRoundAsync(T);
        _world.Time.Advance(Window - TimeSpan.FromMilliseconds(1));
        await _world.BetAsync(T, round, "p1", "just-in-time", Line("red", 1_000)).Expect<TableReply.BetAccepted>();

        _world.Time.Advance(TimeSpan.FromMilliseconds(1)); // exactly the close: server time is the authority
        var late = await _world.BetAsync(T, round, "p2", "one-ms-late", Line("red", 1_000)).Expect<TableReply.BetRejected>();

        Assert.Equal(BetRejection.BettingClosed, late.Reason);
        Assert.Equal(0, (await _world.BalanceAsync("p2")).DebitsPending);
        Assert.Equal(RoundPhase.BettingClosed, (await _world.SnapshotAsync(T)).Phase);
    }

    [Fact]
    public async Task Reservation_that_returns_after_the_close_is_voided_and_the_bet_refused()
    {
        var round = await _world.OpenRoundAsync(T);
        var walletWrite = _world.WalletJournal.HoldWrites();
        var reply = _world.BetAsync(T, round, "p1", "slow-wallet", Line("red", 5_000));
        await walletWrite.WaitAsync(TableWorld.Patience); // the wallet is writing the reservation
        _world.Time.Advance(Window); // no more bets while the wallet is still busy
        await UntilAsync(async () => (await _world.SnapshotAsync(T)).Phase == RoundPhase.BettingClosed, "the close while the reservation is held");
        _world.WalletJournal.ReleaseWrites();

        var refused = await reply.Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.BettingClosed, refused.Reason);
        await _world.DeliverAllAsync(T); // the void reaches the wallet behind the reservation
        var balance = await _world.BalanceAsync("p1");
        Assert.Equal((1_000_000L, 0L), (balance.Posted, balance.DebitsPending));
    }

    [Fact]
    public void A_reservation_answered_after_the_window_is_released_never_accepted()
    {
        var closes = new DateTimeOffset(2026, 1, 1, 12, 0, 15, TimeSpan.Zero);
        var reserved = new Wallets.Protocol.WalletAccepted("r", Wallets.Protocol.WalletBalance.Empty("EUR"));
        Assert.Equal((null, false), Actor.ReservationDecision.Decide(RoundPhase.BettingOpen, closes, closes.AddMilliseconds(-1), reserved));
        Assert.Equal((BetRejection.ReservedAfterClose, true), Actor.ReservationDecision.Decide(RoundPhase.BettingOpen, closes, closes, reserved));
        Assert.Equal((BetRejection.ReservedAfterClose, true), Actor.ReservationDecision.Decide(RoundPhase.BettingClosed, closes, closes.AddSeconds(-5), reserved));
        Assert.Equal((BetRejection.RoundVoided, true), Actor.ReservationDecision.Decide(RoundPhase.Voided, closes, closes.AddSeconds(-5), reserved));
        var poor = new Wallets.Protocol.WalletRejected("r", Wallets.Protocol.WalletRejection.InsufficientFunds, "", Wallets.Protocol.WalletBalance.Empty("EUR"));
        Assert.Equal((BetRejection.InsufficientFunds, false), Actor.ReservationDecision.Decide(RoundPhase.BettingOpen, closes, closes.AddSeconds(-5), poor));
    }

    [Fact]
    public async Task Wallet_refusal_refuses_the_bet_and_reserves_nothing()
    {
        var round = await _world.OpenRoundAsync(T);
        var refused = await _world.BetAsync(T, round, "poor", "b1", Line("red", 1_000)).Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.InsufficientFunds, refused.Reason);
        var balance = await _world.BalanceAsync("poor");
        Assert.Equal((500L, 0L), (balance.Posted, balance.DebitsPending));
        Assert.Equal(BetStatus.Rejected, Assert.Single((await _world.BetsOfAsync(T, "poor")).Bets).Status);
    }

    [Fact]
    public async Task Every_limit_refuses_with_its_own_reason()
    {
        var round = await _world.OpenRoundAsync(T);
        async Task<BetRejection> Refused(string player, string id, params BetLine[] lines) =>
            (await _world.BetAsync(T, round, player, id, lines).Expect<TableReply.BetRejected>()).Reason;

        Assert.Equal(BetRejection.EmptyBet, await Refused("p1", "e"));
        Assert.Equal(BetRejection.UnknownSpot, await Refused("p1", "u", Line("purple", 1_000)));
        Assert.Equal(BetRejection.NotALayoutGeometry, await Refused("p1", "g", Line("split:1-5", 1_000)));
        Assert.Equal(BetRejection.BelowSpotMin, await Refused("p1", "m", Line("red", 99)));
        Assert.Equal(BetRejection.AboveSpotMax, await Refused("p1", "x", Line("red", 500_001)));
        Assert.Equal(BetRejection.NonPositiveAmount, await Refused("p1", "n", Line("red", -5)));
        Assert.Equal(BetRejection.TooManyLinesOnBet, await Refused("p1", "l", [.. Enumerable.Range(1, 21).Select(n => Line($"straight:{n}", 100))]));

        // PlayerRoundMax 2,000,000 over spots of at most 500,000: four full spots, then one more line is over.
        await _world.BetAsync(T, round, "p2", "big-1", Line("red", 500_000), Line("odd", 500_000)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "big-2", Line("low", 500_000), Line("dozen:1", 400_000)).Expect<TableReply.BetAccepted>();
        Assert.Equal(BetRejection.AbovePlayerRoundMax, await Refused("p2", "big-3", Line("dozen:2", 100_001)));
        await _world.BetAsync(T, round, "p2", "third", Line("dozen:2", 100_000)).Expect<TableReply.BetAccepted>();
        Assert.Equal(BetRejection.TooManyBetsForPlayer, await Refused("p2", "fourth", Line("dozen:3", 100)));

        // RoundMax 3,000,000 over all players: p2 holds 2,000,000.
        Assert.Equal(BetRejection.AboveRoundMax, await Refused("p1", "round-max", Line("red", 500_000), Line("black", 500_000), Line("even", 100)));
        Assert.Equal(BetRejection.WrongCurrency, (await _world.AskTable(T, new TableCommand.PlaceBet("p1", "c", round, [Line("red", 100)], "USD")).Expect<TableReply.BetRejected>()).Reason);
        Assert.Equal(BetRejection.WrongRound, await RefusedIn(round + 1));
        Assert.Equal(BetRejection.Invalid, (await _world.BetAsync(T, round, "", "id", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason);

        async Task<BetRejection> RefusedIn(long other) => (await _world.BetAsync(T, other, "p1", "w", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason;
    }

    [Fact]
    public async Task Bets_per_round_limit_counts_every_player()
    {
        await _world.ConfigureAsync(T, Roulette(TableLimits.Default with { BetsPerRoundMax = 3, BetsPerPlayerPerRoundMax = 2 }));
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("red", 100)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p1", "b", Line("red", 100)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "c", Line("red", 100)).Expect<TableReply.BetAccepted>();
        var fourth = await _world.BetAsync(T, round, "p2", "d", Line("red", 100)).Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.TooManyBetsInRound, fourth.Reason);
    }

    [Fact]
    public async Task No_round_open_and_unconfigured_tables_refuse_bets()
    {
        Assert.Equal(BetRejection.NoRoundOpen, (await _world.BetAsync(T, 1, "p1", "a", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason);
        Assert.Equal(BetRejection.TableNotConfigured, (await _world.BetAsync("table-unknown", 1, "p1", "a", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason);
    }

    [Fact]
    public async Task A_repeated_bet_id_gets_the_first_answer_and_other_lines_under_it_are_refused()
    {
        var round = await _world.OpenRoundAsync(T);
        var first = await _world.BetAsync(T, round, "p1", "same", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        var again = await _world.BetAsync(T, round, "p1", "same", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        Assert.Equal(first.BetNo, again.BetNo);
        var other = await _world.BetAsync(T, round, "p1", "same", Line("black", 1_000)).Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.DuplicateBetId, other.Reason);
        Assert.Equal(1_000, (await _world.BalanceAsync("p1")).DebitsPending);
    }

    [Fact]
    public async Task A_bet_repeated_after_its_round_settled_gets_its_first_answer_and_is_not_taken_again()
    {
        // The caller's first try was applied but its answer lost (a node died); the retry, with the
        // same id, arrives once the next round is open.
        var round = await _world.OpenRoundAsync(T);
        var first = await _world.BetAsync(T, round, "p1", "lost-answer", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.AskTable(T, new TableCommand.CancelBet("p1", "lost-answer", round)).Expect<TableReply.BetCancelled>();
        var kept = (await _world.BetAsync(T, round, "p1", "kept", Line("red", 2_000)).Expect<TableReply.BetAccepted>()).BetNo;
        await _world.CloseByTimeAsync(T);
        await _world.SpinAsync(T, round, 1).Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);
        var next = await _world.OpenRoundAsync(T);
        var balance = await _world.BalanceAsync("p1");

        var again = await _world.BetAsync(T, round, "p1", "kept", Line("red", 2_000)).Expect<TableReply.BetAccepted>();
        Assert.Equal((round, kept), (again.RoundNo, again.BetNo));
        Assert.Equal(first.BetId, (await _world.AskTable(T, new TableCommand.CancelBet("p1", "lost-answer", round)).Expect<TableReply.BetCancelled>()).BetId);
        Assert.Equal(BetRejection.DuplicateBetId, (await _world.BetAsync(T, round, "p1", "kept", Line("black", 2_000)).Expect<TableReply.BetRejected>()).Reason);
        Assert.Equal(BetRejection.WrongRound, (await _world.BetAsync(T, round, "p1", "never-taken", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason);
        Assert.Equal(balance, await _world.BalanceAsync("p1"));
        var now = await _world.BetsOfAsync(T, "p1");
        Assert.Equal(next, now.RoundNo);
        Assert.Empty(now.Bets);
    }

    [Fact]
    public async Task Cancel_before_close_releases_the_stake_and_after_close_is_refused()
    {
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "keep", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p1", "drop", Line("black", 2_000)).Expect<TableReply.BetAccepted>();
        await _world.AskTable(T, new TableCommand.CancelBet("p1", "drop", round)).Expect<TableReply.BetCancelled>();
        await _world.DeliverAllAsync(T);
        Assert.Equal(1_000, (await _world.BalanceAsync("p1")).DebitsPending);

        Assert.Equal(BetRejection.UnknownBet, (await _world.AskTable(T, new TableCommand.CancelBet("p1", "never", round)).Expect<TableReply.BetRejected>()).Reason);
        await _world.CloseByTimeAsync(T);
        var late = await _world.AskTable(T, new TableCommand.CancelBet("p1", "keep", round)).Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.BettingClosed, late.Reason);
        Assert.Equal(1_000, (await _world.BalanceAsync("p1")).DebitsPending);
    }

    [Fact]
    public async Task Change_replaces_a_bet_atomically_and_a_refused_change_keeps_the_old_bet()
    {
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "v1", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.AskTable(T, new TableCommand.ChangeBet("p1", "v1", "v2", round, [Line("black", 3_000)], TableWorld.Currency)).Expect<TableReply.BetAccepted>();
        await _world.DeliverAllAsync(T);
        Assert.Equal(3_000, (await _world.BalanceAsync("p1")).DebitsPending);

        var tooBig = await _world.AskTable(T, new TableCommand.ChangeBet("p1", "v2", "v3", round, [Line("black", 600_000)], TableWorld.Currency)).Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.AboveSpotMax, tooBig.Reason);
        var bets = (await _world.BetsOfAsync(T, "p1")).Bets.ToDictionary(b => b.BetId, b => b.Status);
        Assert.Equal(BetStatus.Replaced, bets["v1"]);
        Assert.Equal(BetStatus.Accepted, bets["v2"]);
        Assert.False(bets.ContainsKey("v3"));
    }
}
