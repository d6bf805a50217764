using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.TestKit;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>Every transition of a round, as persisted events seen by a subscriber, and the money each ends with.</summary>
public sealed class RoundFlowTests : IAsyncLifetime
{
    private const string T = "table-1";
    private TableWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        await _world.FundAsync("p1", 1_000_000);
        await _world.FundAsync("p2", 1_000_000);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Roulette_round_goes_through_every_phase_and_pays_each_wallet_once()
    {
        await _world.ConfigureAsync(T, Roulette());
        var feed = _world.TableSystem.CreateProbe("feed");
        _world.Tables.Tell(T, new TableCommand.Subscribe(), feed.Ref);
        var subscribed = await feed.ExpectMsgAsync<TableNotification.Subscribed>(TableWorld.Patience);

        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("straight:17", 1_000), Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "b", Line("black", 2_000), Line("even", 1_000)).Expect<TableReply.BetAccepted>();
        Assert.Equal(RoundPhase.BettingOpen, (await _world.SnapshotAsync(T)).Phase);
        await _world.CloseByTimeAsync(T);
        await _world.AskTable(T, new TableCommand.StartSpin(round, _world.Dealer())).Expect<TableReply.CommandAccepted>();
        Assert.Equal(RoundPhase.Dealing, (await _world.SnapshotAsync(T)).Phase);
        await _world.SpinAsync(T, round, 17).Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);

        // 17 is black and odd: p1 wins 35:1 on the straight and loses red; p2 wins black, loses even.
        Assert.Equal((1_034_000L, 0L), Money(await _world.BalanceAsync("p1")));
        Assert.Equal((1_001_000L, 0L), Money(await _world.BalanceAsync("p2")));
        var snapshot = await _world.SnapshotAsync(T);
        Assert.Equal((RoundPhase.Settled, 17), (snapshot.Phase, snapshot.Result!.Number));

        var events = await Collect(feed, snapshot.SequenceNr);
        Assert.Equal(Enumerable.Range((int)subscribed.Snapshot.SequenceNr + 1, events.Count).Select(i => (long)i), events.Select(e => e.SequenceNr));
        var kinds = events.Select(e => e.Event.GetType().Name).Where(n => n != nameof(WalletOperationsConfirmed)).Distinct().ToList();
        Assert.Equal(
            [nameof(RoundOpened), nameof(BetsRequested), nameof(BetsAccepted), nameof(BettingClosed), nameof(DealingStarted), nameof(ResultConfirmed), nameof(RoundSettled), nameof(RoundSealed)],
            kinds);
        var settled = events.Select(e => e.Event).OfType<RoundSettled>().Single();
        Assert.Equal((5_000L, 40_000L), (settled.TotalStake, settled.TotalReturned));
    }

    [Fact]
    public async Task Dealer_can_close_early_and_a_repeated_close_is_harmless()
    {
        await _world.ConfigureAsync(T, Roulette());
        var round = await _world.OpenRoundAsync(T);
        await _world.AskTable(T, new TableCommand.CloseBets(round, _world.Dealer())).Expect<TableReply.CommandAccepted>();
        var again = await _world.AskTable(T, new TableCommand.CloseBets(round, _world.Dealer())).Expect<TableReply.CommandAccepted>();
        Assert.Contains("already closed", again.What, StringComparison.Ordinal);
        Assert.Equal(BetRejection.BettingClosed, (await _world.BetAsync(T, round, "p1", "late", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason);
    }

    [Fact]
    public async Task Roulette_results_are_validated_and_a_repeat_is_idempotent()
    {
        await _world.ConfigureAsync(T, Roulette());
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("straight:7", 1_000)).Expect<TableReply.BetAccepted>();
        Assert.Equal(TableRejection.BettingStillOpen, await Refusal(_world.SpinAsync(T, round, 7)));
        await _world.CloseByTimeAsync(T);
        Assert.Equal(TableRejection.WrongRound, await Refusal(_world.SpinAsync(T, round + 1, 7)));
        Assert.Equal(TableRejection.NumberOutOfRange, await Refusal(_world.SpinAsync(T, round, 37)));
        Assert.Equal(TableRejection.NoSpin, await Refusal(_world.SpinAsync(T, round, 7, revolutions: 3)));
        Assert.Equal(TableRejection.NoSpin, await Refusal(_world.AskTable(T, new TableCommand.ReportSpin(round, 7, 6, true, _world.Dealer()))));
        Assert.Equal(TableRejection.WrongGame, await Refusal(_world.CardAsync(T, round, "AS")));

        await _world.SpinAsync(T, round, 7).Expect<TableReply.CommandAccepted>();
        var repeat = await _world.SpinAsync(T, round, 7).Expect<TableReply.CommandAccepted>();
        Assert.Contains("repeat", repeat.What, StringComparison.Ordinal);
        Assert.Equal(TableRejection.ConflictingResult, await Refusal(_world.SpinAsync(T, round, 8)));
        await _world.DeliverAllAsync(T);
        Assert.Equal((1_035_000L, 0L), Money(await _world.BalanceAsync("p1"))); // paid once, not twice
    }

    [Fact]
    public async Task Voiding_a_round_releases_every_reservation_and_refuses_later_results()
    {
        await _world.ConfigureAsync(T, Roulette());
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("red", 10_000)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "b", Line("black", 20_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(T);
        Assert.Equal(TableRejection.Invalid, await Refusal(_world.AskTable(T, new TableCommand.VoidRound(round, " ", _world.Dealer()))));
        await _world.AskTable(T, new TableCommand.VoidRound(round, "ball left the wheel", _world.Dealer("shift-manager"))).Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);

        Assert.Equal((1_000_000L, 0L), Money(await _world.BalanceAsync("p1")));
        Assert.Equal((1_000_000L, 0L), Money(await _world.BalanceAsync("p2")));
        Assert.Equal(TableRejection.NoRoundInProgress, await Refusal(_world.SpinAsync(T, round, 1)));
        Assert.All((await _world.BetsOfAsync(T, "p1")).Bets, b => Assert.Equal(BetStatus.Voided, b.Status));
        await _world.OpenRoundAsync(T); // the table goes on
    }

    [Fact]
    public async Task Void_after_settlement_is_refused()
    {
        await _world.ConfigureAsync(T, Roulette());
        var round = await _world.OpenRoundAsync(T);
        await _world.CloseByTimeAsync(T);
        await _world.SpinAsync(T, round, 0).Expect<TableReply.CommandAccepted>();
        Assert.Equal(TableRejection.AlreadySettled, await Refusal(_world.AskTable(T, new TableCommand.VoidRound(round, "too late", _world.Dealer()))));
    }

    [Fact]
    public async Task Baccarat_round_is_dealt_card_by_card_and_settled_by_the_tableau()
    {
        await _world.ConfigureAsync(T, Baccarat());
        Assert.Equal(TableRejection.BurnIncomplete, await Refusal(_world.AskTable(T, new TableCommand.OpenRound(_world.Dealer()))));
        await _world.NewShoeAsync(T);
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("banker", 10_000), Line("banker-pair", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "b", Line("player", 10_000), Line("tie", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(T);

        // P 2H 4D = 6 stands; B 3C 2S = 5 draws (the Player stood); B draws 4H: 9. Banker wins 9-6.
        foreach (var card in new[] { "2H", "3C", "4D", "2S" })
        {
            await _world.CardAsync(T, round, card).Expect<TableReply.CommandAccepted>();
        }

        Assert.Equal(RoundPhase.Dealing, (await _world.SnapshotAsync(T)).Phase);
        await _world.CardAsync(T, round, "4H").Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);

        var snapshot = await _world.SnapshotAsync(T);
        Assert.Equal(("banker", 6, 9), (snapshot.Result!.Winner, snapshot.Result.PlayerTotal!.Value, snapshot.Result.BankerTotal!.Value));
        Assert.Equal((1_000_000L - 11_000 + 19_500, 0L), Money(await _world.BalanceAsync("p1"))); // 0.95:1, pair lost
        Assert.Equal((1_000_000L - 11_000, 0L), Money(await _world.BalanceAsync("p2")));
        Assert.Single(snapshot.Statistics.BeadPlate!);
    }

    [Fact]
    public async Task Dragon_tiger_tie_returns_half_of_the_main_bets()
    {
        await _world.ConfigureAsync(T, DragonTiger());
        await _world.NewShoeAsync(T);
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("dragon", 1_001)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "b", Line("tie", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(T);
        await _world.CardAsync(T, round, "7S").Expect<TableReply.CommandAccepted>();
        await _world.CardAsync(T, round, "7H").Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);
        Assert.Equal((1_000_000L - 1_001 + 500, 0L), Money(await _world.BalanceAsync("p1"))); // the odd minor unit stays with the house
        Assert.Equal((1_000_000L + 11_000, 0L), Money(await _world.BalanceAsync("p2")));
    }

    private static (long Posted, long Pending) Money(Wallets.Protocol.WalletBalance b) => (b.Posted, b.DebitsPending);

    private static async Task<TableRejection> Refusal(Task<TableReply> reply) => (await reply.Expect<TableReply.CommandRejected>()).Reason;

    private static async Task<List<TableNotification.EventPersisted>> Collect(Akka.TestKit.TestProbe feed, long upTo)
    {
        var events = new List<TableNotification.EventPersisted>();
        while (events.Count == 0 || events[^1].SequenceNr < upTo)
        {
            events.Add(await feed.ExpectMsgAsync<TableNotification.EventPersisted>(TableWorld.Patience));
        }

        return events;
    }
}
