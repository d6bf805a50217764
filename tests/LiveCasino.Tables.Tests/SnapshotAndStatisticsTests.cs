using LiveCasino.Stores.Snapshots;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Records;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.TestKit;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>Live statistics, and a table recovered from a snapshot taken between records.</summary>
public sealed class SnapshotAndStatisticsTests
{
    private const string T = "table-1";

    [Fact]
    public async Task Roulette_statistics_follow_every_result()
    {
        await using var world = await TableWorld.InMemoryAsync();
        await world.ConfigureAsync(T, Roulette());
        await world.FundAsync("p1", 1_000_000);
        int[] numbers = [17, 17, 3, 17, 0, 3];
        foreach (var n in numbers)
        {
            await PlayAsync(world, n);
            world.Time.Advance(TimeSpan.FromMinutes(5));
        }

        world.Time.Advance(TimeSpan.FromMinutes(45)); // rounds 1-4 ended more than an hour ago
        world.Tables.Tell(T, new TableCommand.SetViewers(1_234));
        var stats = (await world.SnapshotAsync(T)).Statistics;
        Assert.Equal(numbers.Reverse(), stats.LastResults.Select(r => r.Number!.Value));
        Assert.Equal((17, 3), (stats.HotCold!.Hot[0].Number, stats.HotCold.Hot[0].Hits));
        Assert.Equal(6, stats.WheelBias!.Spins);
        Assert.InRange(stats.WheelBias.PValue, 0, 1);
        Assert.Equal(3, stats.WinnerCounts["black"]); // 17 is black three times; 3 is red; 0 green
        Assert.Equal(2, stats.RoundsPerHour);
        Assert.Equal((1_234, 6), (stats.Viewers, stats.RecentRounds.Count));
        Assert.All(stats.RecentRounds, r => Assert.Equal((1, 1_000L), (r.Bets, r.Stake)));
    }

    [Fact]
    public async Task Viewers_are_summed_over_the_members_counting_them_and_a_member_that_goes_drops_out()
    {
        await using var world = await TableWorld.InMemoryAsync();
        await world.ConfigureAsync(T, Roulette());
        var memberA = world.TableSystem.CreateProbe("member-a-feed");
        var memberB = world.TableSystem.CreateProbe("member-b-feed");
        world.Tables.Tell(T, new TableCommand.SetViewers(300), memberA.Ref);
        world.Tables.Tell(T, new TableCommand.SetViewers(45), memberB.Ref);
        world.Tables.Tell(T, new TableCommand.SetViewers(40), memberB.Ref); // a member's new count replaces its last
        Assert.Equal(340, (await world.SnapshotAsync(T)).Statistics.Viewers);

        world.TableSystem.Stop(memberA.Ref); // its member left or died
        await WorldDriver.UntilAsync(async () => (await world.SnapshotAsync(T)).Statistics.Viewers == 40, "member A's viewers dropped");
    }

    [Fact]
    public async Task A_table_recovered_from_a_snapshot_is_the_table_it_was()
    {
        await using var world = await TableWorld.InMemoryAsync(tableSnapshotEvery: 10);
        await world.ConfigureAsync(T, Baccarat());
        await world.FundAsync("p1", 1_000_000);
        await world.NewShoeAsync(T);
        foreach (var cards in new[] { new[] { "2H", "3C", "4D", "2S", "4H" }, ["KH", "5C", "9C", "2D"], ["7H", "7C", "KS", "QS"] })
        {
            await PlayBaccaratAsync(world, cards);
        }

        // Akka saves a snapshot in the background: wait until it is stored.
        await UntilAsync(async () => await world.TableSnapshots.LoadAsync("table-" + T, SnapshotCriteria.Latest, CancellationToken.None) is not null, "a table snapshot to be stored");
        var before = await world.SnapshotAsync(T);
        var betsBefore = (await world.BetsOfAsync(T, "p1")).Bets.Select(b => (b.BetId, b.Status, b.Returned)).ToList();
        await world.CrashTablesAsync();
        var after = await world.SnapshotAsync(T);

        Assert.Equal((before.SequenceNr, before.RoundNo, before.Phase, before.ShoeNo, before.ChainIntact), (after.SequenceNr, after.RoundNo, after.Phase, after.ShoeNo, after.ChainIntact));
        Assert.Equal(before.Statistics.LastResults.Select(r => r.Winner), after.Statistics.LastResults.Select(r => r.Winner));
        Assert.Equal(before.Statistics.BigRoad!.Cells.Count, after.Statistics.BigRoad!.Cells.Count);
        Assert.Equal(betsBefore, (await world.BetsOfAsync(T, "p1")).Bets.Select(b => (b.BetId, b.Status, b.Returned)));

        // The chain continues from the snapshot, the shoe still counts the cards, and a kept round can still be corrected.
        await PlayBaccaratAsync(world, ["9H", "8C", "KD", "3S"]); // Player 9 (natural) beats 1
        Assert.True((await RoundChainVerifier.VerifyAsync(world.TableStore, T)).Intact);
        var last = (await world.SnapshotAsync(T)).RoundNo;
        await world.AskTable(T, new TableCommand.ResettleRound(last, null, ["7H", "8C", "KD", "QS"], "mis-read cards: the video shows Banker 8", world.Dealer("shift-manager"))).Expect<TableReply.CommandAccepted>();
        await world.DeliverAllAsync(T);
        // Banker bets: won 9-6 (+950), lost 7-9 (-1,000), pushed on the tie, and the corrected round won (+950).
        Assert.Equal((1_000_900L, 0L), ((await world.BalanceAsync("p1")).Posted, (await world.BalanceAsync("p1")).DebitsPending));
        await Books.AssertLedgerAsync(world, new Dictionary<string, long> { ["p1"] = 1_000_000 }, houseWin: -900);
    }

    private static async Task PlayAsync(TableWorld world, int number)
    {
        var round = await world.OpenRoundAsync(T);
        await world.BetAsync(T, round, "p1", "b", Line("red", 1_000)).Expect<TableReply.BetAccepted>();
        await world.CloseByTimeAsync(T);
        await world.SpinAsync(T, round, number).Expect<TableReply.CommandAccepted>();
        await world.DeliverAllAsync(T);
    }

    private static async Task PlayBaccaratAsync(TableWorld world, string[] cards)
    {
        var round = await world.OpenRoundAsync(T);
        await world.BetAsync(T, round, "p1", "b", Line("banker", 1_000)).Expect<TableReply.BetAccepted>();
        await world.CloseByTimeAsync(T);
        foreach (var card in cards)
        {
            await world.CardAsync(T, round, card).Expect<TableReply.CommandAccepted>();
        }

        await world.DeliverAllAsync(T);
    }
}
