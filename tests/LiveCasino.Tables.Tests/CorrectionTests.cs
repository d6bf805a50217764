using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Records;
using LiveCasino.Tables.Tests.Support;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>A shift manager re-settles a round to the result on video: adjustment transfers with who and why, sealed as a correction record.</summary>
public sealed class CorrectionTests : IAsyncLifetime
{
    private const string T = "table-1";
    private static readonly Dictionary<string, long> Deposits = new() { ["p1"] = 100_000, ["p2"] = 100_000 };
    private TableWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await TableWorld.InMemoryAsync();
        await _world.ConfigureAsync(T, Roulette());
        foreach (var (p, amount) in Deposits)
        {
            await _world.FundAsync(p, amount);
        }
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Re_settling_to_the_video_result_moves_exactly_the_difference()
    {
        var round = await PlayRoundAsync(reported: 17);
        Assert.Equal(100_000 + 35_000, (await _world.BalanceAsync("p1")).Posted);

        var corrected = await Resettle(round, 18, "dealer keyed 17, video shows 18").Expect<TableReply.CommandAccepted>();
        Assert.Contains("2 adjustments", corrected.What, StringComparison.Ordinal);
        await _world.DeliverAllAsync(T);

        Assert.Equal(100_000 - 1_000, (await _world.BalanceAsync("p1")).Posted);
        Assert.Equal(100_000 + 35_000, (await _world.BalanceAsync("p2")).Posted);
        await Books.AssertBalancedAsync(_world, T, Deposits);
        Assert.Equal(18, (await _world.SnapshotAsync(T)).Statistics.LastResults[0].Number);

        var record = (await RoundRecords.ReadAsync(_world.TableStore, T, round))!;
        Assert.True(record.Verified);
        Assert.Equal([RecordKind.Round, RecordKind.Correction], record.Seals.Select(s => s.Seal.Kind));
        var resettled = record.Events.Select(e => e.Event).OfType<RoundResettled>().Single();
        Assert.Equal(("shift-manager", "dealer keyed 17, video shows 18", 1), (resettled.By, resettled.Reason, resettled.CorrectionNo));
        Assert.Equal(new long[] { -36_000, 36_000 }, resettled.Adjustments.OrderBy(a => a.PlayerId).Select(a => a.Amount));
    }

    [Fact]
    public async Task A_second_correction_adjusts_from_the_first_one()
    {
        var round = await PlayRoundAsync(reported: 17);
        await Resettle(round, 18, "first look").Expect<TableReply.CommandAccepted>();
        await Resettle(round, 19, "second look").Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);
        Assert.Equal(99_000, (await _world.BalanceAsync("p1")).Posted);
        Assert.Equal(99_000, (await _world.BalanceAsync("p2")).Posted);
        await Books.AssertBalancedAsync(_world, T, Deposits);
    }

    [Fact]
    public async Task Corrections_are_refused_when_they_cannot_stand()
    {
        var round = await PlayRoundAsync(reported: 17);
        Assert.Equal(TableRejection.SameResult, (await Resettle(round, 17, "same").Expect<TableReply.CommandRejected>()).Reason);
        Assert.Equal(TableRejection.Invalid, (await Resettle(round, 18, "").Expect<TableReply.CommandRejected>()).Reason);
        Assert.Equal(TableRejection.NumberOutOfRange, (await Resettle(round, 40, "typo").Expect<TableReply.CommandRejected>()).Reason);
        Assert.Equal(TableRejection.NotCorrectable, (await Resettle(round + 5, 18, "no such round").Expect<TableReply.CommandRejected>()).Reason);

        var next = await _world.OpenRoundAsync(T);
        Assert.Equal(TableRejection.RoundInProgress, (await Resettle(round, 18, "mid-round").Expect<TableReply.CommandRejected>()).Reason);
        await _world.AskTable(T, new TableCommand.VoidRound(next, "test", _world.Dealer())).Expect<TableReply.CommandAccepted>();
        Assert.Equal(TableRejection.NotCorrectable, (await Resettle(next, 18, "voided").Expect<TableReply.CommandRejected>()).Reason);
    }

    [Fact]
    public async Task A_negative_adjustment_beyond_the_balance_is_left_owed_for_an_operator()
    {
        var round = await PlayRoundAsync(reported: 17);
        await _world.Wallet("p1", new Wallets.Protocol.AdjustBalance("spend", new Wallets.Protocol.Money(-130_000, "EUR"), "player spent it", "test"));
        await Resettle(round, 18, "late correction").Expect<TableReply.CommandAccepted>();
        await UntilAsync(async () => (await _world.SnapshotAsync(T)).FailedWalletOperations == 1, "the refused adjustment to be reported");
        var snapshot = await _world.SnapshotAsync(T);
        Assert.Equal((1, 1), (snapshot.PendingWalletOperations, snapshot.FailedWalletOperations));
        Assert.Equal(135_000, (await _world.BalanceAsync("p2")).Posted);
    }

    private Task<TableReply> Resettle(long round, int number, string reason) =>
        _world.AskTable(T, new TableCommand.ResettleRound(round, number, null, reason, _world.Dealer("shift-manager")));

    private async Task<long> PlayRoundAsync(int reported)
    {
        var round = await _world.OpenRoundAsync(T);
        await _world.BetAsync(T, round, "p1", "a", Line("straight:17", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.BetAsync(T, round, "p2", "b", Line("straight:18", 1_000)).Expect<TableReply.BetAccepted>();
        await _world.CloseByTimeAsync(T);
        await _world.SpinAsync(T, round, reported).Expect<TableReply.CommandAccepted>();
        await _world.DeliverAllAsync(T);
        return round;
    }
}
