using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.Wallets.Protocol;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>Voids from every phase before settlement, lost wallet answers, and the refusal reasons that come from the wallet or from changes.</summary>
public sealed class VoidAndRetryTests : IAsyncLifetime
{
    private const string T = "table-1";
    private static readonly Dictionary<string, long> Deposits = new() { ["p1"] = 100_000, ["p2"] = 100_000 };
    private TableWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        foreach (var (p, amount) in Deposits)
        {
            await _world.FundAsync(p, amount);
        }
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Void_while_betting_refuses_the_bet_still_being_reserved_and_releases_everything()
    {
        await _world.ConfigureAsync(T, Roulette());
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "in", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        var walletWrite = _world.WalletJournal.HoldWrites();
        var inFlight = _world.BetAsync(T, round, "p2", "flying", Line("black", 2_000));
        await walletWrite.WaitAsync(TableWorld.Patience);
        await _world.AskTable(T, new TableCommand.VoidRound(round, "studio power cut", _world.Dealer("shift-manager"))).Expect<TableReply.CommandAccepted>();
        _world.WalletJournal.ReleaseWrites();

        Assert.Equal(BetRejection.RoundVoided, (await inFlight.Expect<TableReply.BetRejected>()).Reason);
        await _world.DeliverAllAsync(T);
        await Books.AssertBalancedAsync(_world, T, Deposits);
        Assert.Equal(BetStatus.Voided, (await _world.BetsOfAsync(T, "p1")).Bets.Single().Status);
        Assert.Equal(BetRejection.RoundVoided, (await _world.BetAsync(T, round, "p1", "after", Line("red", 1_000)).Expect<TableReply.BetRejected>()).Reason);
    }

    [Fact]
    public async Task Void_while_dealing_refunds_every_bet()
    {
        await _world.ConfigureAsync(T, Baccarat());
        await _world.NewShoeAsync(T);
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("banker", 5_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(T);
        await _world.CardAsync(T, round, "2H").Expect<TableReply.CommandAccepted>();
        await _world.CardAsync(T, round, "3C").Expect<TableReply.CommandAccepted>();
        Assert.Equal(RoundPhase.Dealing, (await _world.SnapshotAsync(T)).Phase);
        await _world.AskTable(T, new TableCommand.VoidRound(round, "card on the floor", _world.Dealer("shift-manager"))).Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);
        await Books.AssertBalancedAsync(_world, T, Deposits);
        Assert.Equal(100_000, (await _world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task A_reservation_lost_with_a_crashed_wallet_node_is_asked_again_while_the_window_is_open()
    {
        await _world.ConfigureAsync(T, Roulette());
        var round = await _world.OpenRoundAsync(T);
        var walletWrite = _world.WalletJournal.HoldWrites();
        var bet = _world.BetAsync(T, round, "p1", "a", Line("red", 1_000));
        await walletWrite.WaitAsync(TableWorld.Patience);
        await _world.CrashWalletsAsync(); // the reservation never landed

        _world.Time.Advance(TableWorld.DefaultOptions.ReservationRetryAfter + TableWorld.DefaultOptions.SweepInterval);
        await bet.Expect<TableReply.BetAccepted>();
        Assert.Equal(1_000, (await _world.BalanceAsync("p1")).DebitsPending);
    }

    [Fact]
    public async Task Wallet_and_change_refusals_carry_their_own_reasons()
    {
        await _world.ConfigureAsync(T, Roulette(Configuration.TableLimits.Default with { LinesPerPlayerPerRoundMax = 20 }));
        await _world.Wallet("p2", new SelfExclude("rg", _world.Time.GetUtcNow().AddDays(30)));
        var round = await _world.OpenRoundAsync(T);

        Assert.Equal(BetRejection.ResponsibleGaming, (await _world.BetAsync(T, round, "p2", "a", Line("red", 1_000)).Expect<TableReply.BetRejected>()).Reason);
        Assert.Equal(BetRejection.WalletRefused, (await _world.BetAsync(T, round, "no-wallet", "a", Line("red", 1_000)).Expect<TableReply.BetRejected>()).Reason);

        await _world.BetAsync(T, round, "p1", "twenty", [.. Enumerable.Range(1, 20).Select(n => Line($"straight:{n}", 100))]).Expect<TableReply.BetAccepted>();
        Assert.Equal(BetRejection.TooManyLinesForPlayer, (await _world.BetAsync(T, round, "p1", "one-more", Line("red", 100)).Expect<TableReply.BetRejected>()).Reason);

        await _world.AskTable(T, new TableCommand.CancelBet("p1", "twenty", round)).Expect<TableReply.BetCancelled>();
        var again = await _world.AskTable(T, new TableCommand.ChangeBet("p1", "twenty", "other", round, [Line("red", 100)], TableWorld.Currency)).Expect<TableReply.BetRejected>();
        Assert.Equal(BetRejection.NotChangeable, again.Reason);
        Assert.Equal(BetRejection.UnknownBet, (await _world.AskTable(T, new TableCommand.ChangeBet("p1", "nope", "x", round, [Line("red", 100)], TableWorld.Currency)).Expect<TableReply.BetRejected>()).Reason);
        await _world.DeliverAllAsync(T);
        Assert.Equal(0, (await _world.BalanceAsync("p1")).DebitsPending);
    }

    [Fact]
    public async Task On_sqlite_a_crash_of_both_nodes_mid_round_still_settles_each_bet_once()
    {
        await using var world = await TableWorld.SqliteAsync();
        await world.ConfigureAsync(T, Roulette());
        foreach (var (p, amount) in Deposits)
        {
            await world.FundAsync(p, amount);
        }

        var round = await world.OpenRoundAsync(T);
        await world.BetAsync(T, round, "p1", "a", Line("straight:7", 1_000)).Expect<TableReply.BetAccepted>();
        await world.BetAsync(T, round, "p2", "b", Line("odd", 2_000)).Expect<TableReply.BetAccepted>();
        await world.CrashTablesAsync();
        await world.CrashWalletsAsync();
        world.Tables.Wake(T);
        await world.CloseByTimeAsync(T);
        var walletWrites = world.WalletJournal.HoldWrites();
        await world.SpinAsync(T, round, 7).Expect<TableReply.CommandAccepted>();
        await walletWrites.WaitAsync(TableWorld.Patience);
        await world.CrashTablesAsync();
        await world.CrashWalletsAsync();
        world.Tables.Wake(T);

        await world.DeliverAllAsync(T);
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal((135_000L, 102_000L), ((await world.BalanceAsync("p1")).Posted, (await world.BalanceAsync("p2")).Posted));
    }
}
