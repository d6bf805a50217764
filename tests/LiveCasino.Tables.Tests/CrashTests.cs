using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.TestKit;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>
/// A round is run step by step and the table node (and the wallet node) is crashed between every two
/// steps and in the middle of the writes that matter; after recovery the round is finished and the
/// books must show every accepted bet settled exactly once, everything else released, and a balanced ledger.
/// </summary>
public sealed class CrashTests
{
    private const string T = "table-1";

    private static readonly Dictionary<string, long> Deposits = new()
    {
        ["p1"] = 100_000, ["p2"] = 100_000, ["p3"] = 100_000, ["p4"] = 100_000, ["poor"] = 300,
    };

    public static TheoryData<int, bool> CrashPoints()
    {
        var data = new TheoryData<int, bool>();
        for (var step = 0; step <= 5; step++)
        {
            data.Add(step, false);
            data.Add(step, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Crash_after_any_step_of_a_round_settles_every_accepted_bet_exactly_once(int crashAfter, bool walletsToo)
    {
        await using var world = await StartAsync();
        long round = 0;
        Func<Task>[] steps =
        [
            async () => round = await world.OpenRoundAsync(T),
            async () =>
            {
                await world.BetAsync(T, round, "p1", "a", Line("red", 1_000), Line("straight:17", 500)).Expect<TableReply.BetAccepted>();
                await world.BetAsync(T, round, "p2", "b", Line("black", 2_000)).Expect<TableReply.BetAccepted>();
            },
            async () =>
            {
                Assert.Equal(BetRejection.InsufficientFunds, (await world.BetAsync(T, round, "poor", "x", Line("red", 1_000)).Expect<TableReply.BetRejected>()).Reason);
                await world.BetAsync(T, round, "p3", "c", Line("even", 1_000)).Expect<TableReply.BetAccepted>();
                await world.AskTable(T, new TableCommand.CancelBet("p3", "c", round)).Expect<TableReply.BetCancelled>();
                await world.BetAsync(T, round, "p4", "d", Line("odd", 1_000)).Expect<TableReply.BetAccepted>();
                await world.AskTable(T, new TableCommand.ChangeBet("p4", "d", "d2", round, [Line("odd", 3_000)], TableWorld.Currency)).Expect<TableReply.BetAccepted>();
            },
            () => world.CloseByTimeAsync(T),
            () => world.SpinAsync(T, round, 17).Expect<TableReply.CommandAccepted>(),
            () => world.DeliverAllAsync(T),
        ];

        for (var i = 0; i < steps.Length; i++)
        {
            await steps[i]();
            if (i == crashAfter)
            {
                await CrashAsync(world, walletsToo);
            }
        }

        await world.DeliverAllAsync(T);
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal(100_000 + 16_500, (await world.BalanceAsync("p1")).Posted); // straight 17 wins 35:1, red loses
        Assert.Equal(100_000 + 2_000, (await world.BalanceAsync("p2")).Posted);
        Assert.Equal(100_000, (await world.BalanceAsync("p3")).Posted); // cancelled
        Assert.Equal(100_000 + 3_000, (await world.BalanceAsync("p4")).Posted); // only the changed bet stood
    }

    [Fact]
    public async Task Crash_while_acceptances_are_written_re_asks_the_wallet_and_accepts_within_the_window()
    {
        await using var world = await StartAsync();
        var round = await world.OpenRoundAsync(T);
        var walletWrite = world.WalletJournal.HoldWrites();
        _ = world.BetAsync(T, round, "p1", "a", Line("red", 1_000));
        await walletWrite.WaitAsync(TableWorld.Patience);
        var tableWrite = world.TableJournal.HoldWrites();
        world.WalletJournal.ReleaseWrites(); // the reservation lands; the table's acceptance write is held
        await tableWrite.WaitAsync(TableWorld.Patience);
        await CrashAsync(world, walletsToo: false);

        // Recovered as pending: the table asks again, the wallet answers as the first time (one reservation).
        await UntilAsync(async () => (await world.BetsOfAsync(T, "p1")).Bets.Single().Status == BetStatus.Accepted, "the re-asked bet to be accepted");
        Assert.Equal(1_000, (await world.BalanceAsync("p1")).DebitsPending);
        await FinishAsync(world, round, 18);
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal(100_000 + 1_000, (await world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task A_crashed_table_starts_again_by_itself_and_closes_its_window_by_server_time()
    {
        await using var world = await StartAsync();
        var round = await world.OpenRoundAsync(T);
        await world.BetAsync(T, round, "p1", "a", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await world.CrashTablesAsync();

        // Nobody sends the table anything: its region remembered it, so the new node starts it, and
        // its window closes on the server's clock.
        world.Time.Advance(Window);
        await UntilAsync(() => HasClosedAsync(world, round), "the remembered table to close its window with no message sent");

        await FinishAsync(world, round, 18);
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal(100_000 + 1_000, (await world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task Crash_with_a_reservation_in_flight_past_the_window_refuses_the_bet_and_releases_the_stake()
    {
        await using var world = await StartAsync();
        var round = await world.OpenRoundAsync(T);
        var walletWrite = world.WalletJournal.HoldWrites();
        _ = world.BetAsync(T, round, "p1", "a", Line("red", 1_000));
        await walletWrite.WaitAsync(TableWorld.Patience);
        var tableWrite = world.TableJournal.HoldWrites();
        world.WalletJournal.ReleaseWrites();
        await tableWrite.WaitAsync(TableWorld.Patience);
        world.Time.Advance(Window); // the node is down past the close
        await CrashAsync(world, walletsToo: false);

        await UntilAsync(async () => (await world.SnapshotAsync(T)).Phase == RoundPhase.BettingClosed, "the recovered table to close the late window");
        var bet = (await world.BetsOfAsync(T, "p1")).Bets.Single();
        Assert.Equal((BetStatus.Rejected, BetRejection.BettingClosed), (bet.Status, bet.Reason));
        await FinishAsync(world, round, 18);
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal(100_000, (await world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task Crash_while_the_settlement_is_written_loses_nothing_and_the_dealer_reports_again()
    {
        await using var world = await StartAsync();
        var round = await world.OpenRoundAsync(T);
        await world.BetAsync(T, round, "p1", "a", Line("straight:5", 1_000)).Expect<TableReply.BetAccepted>();
        await world.CloseByTimeAsync(T);
        var tableWrite = world.TableJournal.HoldWrites();
        _ = world.SpinAsync(T, round, 5);
        await tableWrite.WaitAsync(TableWorld.Patience);
        await CrashAsync(world, walletsToo: true);

        Assert.Equal(RoundPhase.BettingClosed, (await world.SnapshotAsync(T)).Phase);
        await world.SpinAsync(T, round, 5).Expect<TableReply.CommandAccepted>();
        await world.DeliverAllAsync(T);
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal(100_000 + 35_000, (await world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task Crash_of_both_nodes_while_wallets_write_settlements_delivers_each_once_after_restart()
    {
        await using var world = await StartAsync();
        var round = await world.OpenRoundAsync(T);
        foreach (var p in new[] { "p1", "p2", "p3", "p4" })
        {
            await world.BetAsync(T, round, p, "a", Line("red", 1_000), Line("straight:1", 100)).Expect<TableReply.BetAccepted>();
        }

        await world.CloseByTimeAsync(T);
        var walletWrite = world.WalletJournal.HoldWrites();
        await world.SpinAsync(T, round, 1).Expect<TableReply.CommandAccepted>(); // red 1: both lines win
        await walletWrite.WaitAsync(TableWorld.Patience);
        await CrashAsync(world, walletsToo: true);

        await world.DeliverAllAsync(T);
        await Books.AssertBalancedAsync(world, T, Deposits);
        foreach (var p in new[] { "p1", "p2", "p3", "p4" })
        {
            Assert.Equal(100_000 + 1_000 + 3_500, (await world.BalanceAsync(p)).Posted);
        }
    }

    [Fact]
    public async Task Crash_while_confirmations_are_written_resends_and_the_wallets_answer_without_paying_twice()
    {
        await using var world = await StartAsync();
        var round = await world.OpenRoundAsync(T);
        await world.BetAsync(T, round, "p1", "a", Line("black", 1_000)).Expect<TableReply.BetAccepted>();
        await world.CloseByTimeAsync(T);
        var balanceBefore = await world.BalanceAsync("p1");
        var walletWrite = world.WalletJournal.HoldWrites();
        await world.SpinAsync(T, round, 2).Expect<TableReply.CommandAccepted>(); // settled and sealed; the settlement waits at the wallet
        await walletWrite.WaitAsync(TableWorld.Patience);
        var confirmation = world.TableJournal.HoldWrites();
        world.WalletJournal.ReleaseWrites();
        await confirmation.WaitAsync(TableWorld.Patience); // the wallet paid; the table's confirmation write is held
        Assert.Equal(balanceBefore.Posted + 1_000, (await world.BalanceAsync("p1")).Posted);
        await CrashAsync(world, walletsToo: false);

        await world.DeliverAllAsync(T); // resent, answered as the first time
        await Books.AssertBalancedAsync(world, T, Deposits);
        Assert.Equal(balanceBefore.Posted + 1_000, (await world.BalanceAsync("p1")).Posted);
    }

    private static async Task<bool> HasClosedAsync(TableWorld world, long round)
    {
        await foreach (var stored in world.TableStore.ReplayAsync(Actor.TableActor.PersistenceIdOf(T), 0, long.MaxValue, long.MaxValue, CancellationToken.None))
        {
            if (stored.Payload is Events.BettingClosed closed && closed.RoundNo == round)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<TableWorld> StartAsync()
    {
        var world = await TableWorld.InMemoryAsync();
        await world.ConfigureAsync(T, Roulette());
        foreach (var (player, amount) in Deposits)
        {
            await world.FundAsync(player, amount);
        }

        return world;
    }

    private static async Task CrashAsync(TableWorld world, bool walletsToo)
    {
        await world.CrashTablesAsync();
        if (walletsToo)
        {
            await world.CrashWalletsAsync();
        }

        world.Tables.Wake(T);
    }

    private static async Task FinishAsync(TableWorld world, long round, int number)
    {
        if ((await world.SnapshotAsync(T)).Phase == RoundPhase.BettingOpen)
        {
            await world.CloseByTimeAsync(T);
        }

        await world.SpinAsync(T, round, number).Expect<TableReply.CommandAccepted>();
        await world.DeliverAllAsync(T);
    }
}
