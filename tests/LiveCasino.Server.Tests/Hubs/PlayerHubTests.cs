using System.Text.Json.Nodes;
using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// The player hub over a real WebSocket with the raw JSON hub protocol: lobby, join and snapshot,
/// bets accepted and refused, settlement with my payout and the balance change, sequence links.
/// A console drives the table through the dealer hub, as a studio would.
/// </summary>
public sealed class PlayerHubTests : IAsyncLifetime
{
    private const string Roulette = "roulette-1";
    private HubServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new HubServer();
        await _server.AddTableAsync(Roulette, GameKind.Roulette);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static object Bet(long roundNo, string betId, string spot, long amount) =>
        new { tableId = Roulette, roundNo, betId, lines = new[] { new { spot, amount } } };

    [Fact]
    public async Task Join_answers_a_snapshot_and_the_lobby_lists_the_table()
    {
        var alice = await _server.PlayerAsync("alice", deposit: 10_000);
        await using var player = await _server.PlayerHubAsync(alice.Access);

        var lobby = (await player.InvokeAsync("ListTables"))!.AsArray();
        var table = lobby.Single()!.AsObject();
        Assert.Equal((Roulette, "roulette", HubServer.Studio, "none"), ((string)table["tableId"]!, (string)table["game"]!, (string)table["studioId"]!, (string)table["phase"]!));

        var join = await player.InvokeObjectAsync("JoinTable", Roulette);
        Assert.True((bool)join["ok"]!, join.ToJsonString());
        var snapshot = join["snapshot"]!.AsObject();
        Assert.Equal(Roulette, (string)snapshot["tableId"]!);
        Assert.Equal("roulette", (string)snapshot["game"]!);
        Assert.Equal("EUR", (string)snapshot["currency"]!);
        Assert.Equal(15_000, (long)snapshot["bettingWindowMs"]!);
        Assert.Null(snapshot["round"]);
        Assert.Empty(snapshot["myBets"]!.AsArray());
        Assert.Equal(10_000, (long)snapshot["balance"]!["available"]!);
        Assert.True((long)snapshot["seq"]! >= 1, "the configuration is the table's first event");

        var watched = (await player.InvokeAsync("ListTables"))!.AsArray().Single()!;
        Assert.Equal(1, (int)watched["viewers"]!);
        Assert.True((bool)(await player.InvokeObjectAsync("LeaveTable", Roulette))["ok"]!);
        Assert.Equal(0, (int)(await player.InvokeAsync("ListTables"))!.AsArray().Single()!["viewers"]!);
        Assert.Equal("notJoined", (string)(await player.InvokeObjectAsync("Resync", Roulette))["reason"]!);

        var unknown = await player.InvokeObjectAsync("JoinTable", "no-such-table");
        Assert.Equal((false, "unknownTable"), ((bool)unknown["ok"]!, (string)unknown["reason"]!));
        var invalid = await player.InvokeObjectAsync("JoinTable", "bad/id");
        Assert.Equal("invalid", (string)invalid["reason"]!);
    }

    [Fact]
    public async Task A_round_with_a_winning_bet_settles_my_payout_and_balance_and_a_late_bet_is_refused()
    {
        var alice = await _server.PlayerAsync("alice", deposit: 10_000);
        await using var dealer = await _server.BoundDealerAsync(Roulette);
        await using var player = await _server.PlayerHubAsync(alice.Access);
        var joined = await player.InvokeObjectAsync("JoinTable", Roulette);
        var seq = (long)joined["snapshot"]!["seq"]!;

        var open = await dealer.InvokeObjectAsync("OpenRound", new { });
        open.ExpectVerdict(accepted: true);
        var roundNo = (long)open["roundNo"]!;
        Assert.Equal("bettingOpen", (string)open["phase"]!);
        var opened = await player.NextEventAsync("roundOpened");
        Assert.Equal((roundNo, $"{Roulette}:{roundNo}"), ((long)opened["roundNo"]!, (string)opened["roundId"]!));
        Assert.True((long)opened["prevSeq"]! <= seq && (long)opened["seq"]! > seq, opened.ToJsonString());
        Assert.NotNull(opened["serverTime"]);
        Assert.NotNull(opened["studioTime"]);
        Assert.Equal(15_000, (long)opened["bettingWindowMs"]!);

        var red = await player.InvokeObjectAsync("PlaceBet", Bet(roundNo, "b-1", "red", 500));
        Assert.Equal("accepted", (string)red["outcome"]!);
        Assert.Equal(500, (long)red["stake"]!);
        var afterBet = await player.NextEventAsync("balanceChanged");
        Assert.Equal((9_500, 500, "bet"), ((long)afterBet["available"]!, (long)afterBet["pendingDebits"]!, (string)afterBet["reason"]!));

        var straight = await player.InvokeObjectAsync("PlaceBet", Bet(roundNo, "b-2", "straight:17", 100));
        Assert.Equal("accepted", (string)straight["outcome"]!);
        var again = await player.InvokeObjectAsync("PlaceBet", Bet(roundNo, "b-1", "red", 500));
        Assert.Equal(("accepted", (long)red["betNo"]!), ((string)again["outcome"]!, (long)again["betNo"]!)); // a retry answers the first answer

        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(accepted: true);
        var closed = await player.NextEventAsync("betsClosed");
        Assert.Equal((long)opened["seq"]!, ChainStart(closed, (long)opened["seq"]!));

        var late = await player.InvokeObjectAsync("PlaceBet", Bet(roundNo, "b-3", "black", 500));
        Assert.Equal(("rejected", "bettingClosed"), ((string)late["outcome"]!, (string)late["reason"]!));

        (await dealer.InvokeObjectAsync("WheelResult", new { number = 3, revolutions = 6 })).ExpectVerdict(accepted: true);
        var wheel = await player.NextEventAsync("wheelResult");
        Assert.Equal((3, "red"), ((int)wheel["result"]!["number"]!, (string)wheel["result"]!["winner"]!));
        var settled = await player.NextEventAsync("roundSettled");
        Assert.Equal((long)wheel["seq"]!, (long)settled["prevSeq"]!);
        Assert.Equal(3, (int)settled["result"]!["number"]!);
        var my = settled["my"]!.AsObject();
        Assert.Equal((600L, 1_000L, 400L), ((long)my["stake"]!, (long)my["returned"]!, (long)my["net"]!));
        Assert.Equal(["b-1", "b-2"], my["bets"]!.AsArray().Select(b => (string)b!["betId"]!).Order().ToList());

        var credited = await player.NextEventAsync("balanceChanged", b => (string)b["reason"]! == "settlement");
        Assert.Equal((10_400, 0), ((long)credited["available"]!, (long)credited["pendingDebits"]!));
        var stats = await player.NextEventAsync("tableStats");
        Assert.Equal("red", (string)stats["stats"]!["lastResults"]![0]!["winner"]!);

        var snapshot = (await player.InvokeObjectAsync("Resync", Roulette))["snapshot"]!.AsObject();
        Assert.Equal("settled", (string)snapshot["round"]!["phase"]!);
        Assert.Equal(10_400, (long)snapshot["balance"]!["available"]!);
        Assert.All(snapshot["myBets"]!.AsArray(), b => Assert.Equal("settled", (string)b!["status"]!));
    }

    [Fact]
    public async Task Bets_with_bad_content_are_refused_with_a_reason_and_move_no_money()
    {
        var alice = await _server.PlayerAsync("alice", deposit: 1_000);
        await using var dealer = await _server.BoundDealerAsync(Roulette);
        await using var player = await _server.PlayerHubAsync(alice.Access);
        await player.InvokeObjectAsync("JoinTable", Roulette);
        var roundNo = (long)(await dealer.InvokeObjectAsync("OpenRound", new { }))["roundNo"]!;

        async Task<string> ReasonAsync(object bet) => (string)(await player.InvokeObjectAsync("PlaceBet", bet))["reason"]!;
        Assert.Equal("unknownSpot", await ReasonAsync(Bet(roundNo, "x1", "purple", 500)));
        Assert.Equal("nonPositiveAmount", await ReasonAsync(Bet(roundNo, "x2", "red", -5)));
        Assert.Equal("aboveSpotMax", await ReasonAsync(Bet(roundNo, "x3", "red", 9_000_000_000)));
        Assert.Equal("insufficientFunds", await ReasonAsync(Bet(roundNo, "x4", "red", 5_000)));
        Assert.Equal("wrongRound", await ReasonAsync(Bet(roundNo + 1, "x5", "red", 500)));
        Assert.Equal("invalid", await ReasonAsync(Bet(roundNo, "no spaces", "red", 500)));
        Assert.Equal("unknownTable", await ReasonAsync(new { tableId = "nope", roundNo, betId = "x6", lines = new[] { new { spot = "red", amount = 500 } } }));

        var balance = await player.InvokeObjectAsync("GetBalance");
        Assert.Equal((1_000, 0), ((long)balance["available"]!, (long)balance["pendingDebits"]!));
    }

    [Fact]
    public async Task A_cancelled_bet_releases_its_stake()
    {
        var alice = await _server.PlayerAsync("alice", deposit: 1_000);
        await using var dealer = await _server.BoundDealerAsync(Roulette);
        await using var player = await _server.PlayerHubAsync(alice.Access);
        await player.InvokeObjectAsync("JoinTable", Roulette);
        var roundNo = (long)(await dealer.InvokeObjectAsync("OpenRound", new { }))["roundNo"]!;
        Assert.Equal("accepted", (string)(await player.InvokeObjectAsync("PlaceBet", Bet(roundNo, "b-1", "odd", 400)))["outcome"]!);

        var cancel = await player.InvokeObjectAsync("CancelBet", new { tableId = Roulette, roundNo, betId = "b-1" });
        Assert.Equal("cancelled", (string)cancel["outcome"]!);
        var unknown = await player.InvokeObjectAsync("CancelBet", new { tableId = Roulette, roundNo, betId = "b-9" });
        Assert.Equal(("rejected", "unknownBet"), ((string)unknown["outcome"]!, (string)unknown["reason"]!));
        await player.NextEventAsync("balanceChanged", b => (string)b["reason"]! == "cancel" && (long)b["available"]! == 1_000);
    }

    [Fact]
    public async Task A_voided_round_refunds_my_stake_and_says_so()
    {
        var alice = await _server.PlayerAsync("alice", deposit: 1_000);
        await using var dealer = await _server.BoundDealerAsync(Roulette);
        await using var player = await _server.PlayerHubAsync(alice.Access);
        await player.InvokeObjectAsync("JoinTable", Roulette);
        var roundNo = (long)(await dealer.InvokeObjectAsync("OpenRound", new { }))["roundNo"]!;
        await player.InvokeObjectAsync("PlaceBet", Bet(roundNo, "b-1", "even", 300));
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(true);

        var noSpin = await dealer.InvokeObjectAsync("WheelResult", new { number = 8, revolutions = 2 });
        noSpin.ExpectVerdict(false, "noSpin");
        (await dealer.InvokeObjectAsync("VoidRound", new { reason = "ball left the wheel" })).ExpectVerdict(true);

        var voided = await player.NextEventAsync("roundVoided");
        Assert.Equal("ball left the wheel", (string)voided["reason"]!);
        Assert.Equal((300L, 300L, 0L), ((long)voided["my"]!["stake"]!, (long)voided["my"]!["returned"]!, (long)voided["my"]!["net"]!));
        await player.NextEventAsync("balanceChanged", b => (string)b["reason"]! == "settlement" && (long)b["available"]! == 1_000);
    }

    /// <summary>The prevSeq of an event, checked to chain from <paramref name="previous"/>.</summary>
    private static long ChainStart(JsonObject e, long previous)
    {
        Assert.True((long)e["seq"]! > previous, e.ToJsonString());
        return (long)e["prevSeq"]!;
    }
}
