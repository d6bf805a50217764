using System.Globalization;
using System.Text.Json.Nodes;
using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// The dealer hub: a baccarat shoe and round run from raw sensor lines through the console's sensor
/// stream (verdicts as events, a retransmit and a repeated read dropped, a malformed line reported),
/// buttons answered with the table's verdict, and a player watching the cards arrive.
/// </summary>
public sealed class DealerHubTests : IAsyncLifetime
{
    private const string Baccarat = "baccarat-1";
    private const long At = 1_767_268_800_000;
    private HubServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new HubServer();
        await _server.AddTableAsync(Baccarat, GameKind.Baccarat);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Line(long seq, string payload) => string.Create(CultureInfo.InvariantCulture, $"{seq}|{At + seq}|shoe|{payload}");

    private static async Task<JsonObject> ReadAsync(HubTestClient dealer, long seq, string payload)
    {
        var queued = await dealer.InvokeObjectAsync("Sensor", new { line = Line(seq, payload) });
        Assert.True((bool)queued["queued"]!, queued.ToJsonString());
        return await dealer.NextEventAsync("readingVerdict", v => (long)v["sequence"]! == seq);
    }

    [Fact]
    public async Task A_baccarat_shoe_and_round_run_from_sensor_readings_and_a_player_sees_the_cards()
    {
        var bob = await _server.PlayerAsync("bob", deposit: 5_000);
        await using var dealer = await _server.BoundDealerAsync(Baccarat);
        await using var player = await _server.PlayerHubAsync(bob.Access);
        await player.InvokeObjectAsync("JoinTable", Baccarat);

        (await dealer.InvokeObjectAsync("ChangeShoe", new { })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(false, "burnIncomplete");

        // The first burn card is a 3: three more are burned.
        var seq = 1L;
        foreach (var card in new[] { "3H", "KD", "QS", "JC" })
        {
            (await ReadAsync(dealer, seq++, "BURN " + card)).ExpectVerdict(true);
        }

        var open = await dealer.InvokeObjectAsync("OpenRound", new { });
        open.ExpectVerdict(true);
        var roundNo = (long)open["roundNo"]!;
        var bet = await player.InvokeObjectAsync("PlaceBet", new { tableId = Baccarat, roundNo, betId = "b-1", lines = new[] { new { spot = "banker", amount = 1_000 } } });
        Assert.Equal("accepted", (string)bet["outcome"]!);
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(true);

        // Player 2+4 = 6 stands, Banker 3+5 = 8 natural: Banker wins on four cards.
        (await ReadAsync(dealer, seq++, "2H")).ExpectVerdict(true);
        await dealer.InvokeObjectAsync("Sensor", new { line = Line(seq - 1, "2H") }); // the scanner sent it again (same sequence)
        (await ReadAsync(dealer, seq++, "3D")).ExpectVerdict(true);
        await dealer.InvokeObjectAsync("Sensor", new { line = Line(seq++, "3D") });   // the same card read twice: one physical read
        await dealer.InvokeObjectAsync("Sensor", new { line = "garbage" });
        var rejected = await dealer.NextEventAsync("readingRejected");
        Assert.Equal("field-count", (string)rejected["reason"]!);
        (await ReadAsync(dealer, seq++, "4S")).ExpectVerdict(true);
        var last = await ReadAsync(dealer, seq++, "5C");
        last.ExpectVerdict(true);
        Assert.Contains((string)last["phase"]!, new[] { "resultConfirmed", "settled" });

        var cards = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            var dealt = await player.NextEventAsync("cardDealt", e => (int)e["card"]!["position"]! == i);
            cards.Add((string)dealt["card"]!["card"]! + "/" + (string)dealt["card"]!["hand"]!);
        }

        Assert.Equal(["2H/player", "3D/banker", "4S/player", "5C/banker"], cards);
        var result = await player.NextEventAsync("dealResult");
        Assert.Equal(("banker", 6, 8), ((string)result["result"]!["winner"]!, (int)result["result"]!["playerTotal"]!, (int)result["result"]!["bankerTotal"]!));
        var settled = await player.NextEventAsync("roundSettled");
        Assert.Equal(1_950, (long)settled["my"]!["returned"]!); // banker pays 0.95:1
        var dealerSaw = await dealer.NextEventAsync("roundSettled");
        Assert.Null(dealerSaw["my"]);

        var stats = await dealer.InvokeObjectAsync("SensorStats", new { });
        Assert.Equal((1L, 1L, 1L), ((long)stats["retransmits"]!, (long)stats["repeats"]!, (long)stats["malformed"]!));
        Assert.Equal(8, (long)stats["accepted"]!);
    }

    [Fact]
    public async Task Dealer_buttons_are_answered_with_the_table_verdict()
    {
        await using var dealer = await _server.BoundDealerAsync(Baccarat);
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "9H" })).ExpectVerdict(false, "noRoundInProgress");
        (await dealer.InvokeObjectAsync("ChangeShoe", new { })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("Burn", new { card = "AH" })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("Burn", new { card = "2C" })).ExpectVerdict(true);
        var open = await dealer.InvokeObjectAsync("OpenRound", new { studioTime = "2026-01-01T12:00:00Z" });
        open.ExpectVerdict(true);
        Assert.Equal($"{Baccarat}:{(long)open["roundNo"]!}", (string)open["roundId"]!);
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "9H" })).ExpectVerdict(false, "bettingStillOpen");
        (await dealer.InvokeObjectAsync("WheelResult", new { number = 5, revolutions = 6 })).ExpectVerdict(false, "wrongGame");
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "XX" })).ExpectVerdict(false, "invalidCard");
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "9H", hand = "banker" })).ExpectVerdict(false, "breaksDrawingRules");
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "9H", hand = "player" })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("VoidRound", new { reason = "card on the floor" })).ExpectVerdict(true);

        var opened = await dealer.NextEventAsync("roundOpened");
        Assert.Equal("2026-01-01T12:00:00+00:00", (string)opened["studioTime"]!);
        await dealer.NextEventAsync("roundVoided");
        var unbound = await dealer.InvokeObjectAsync("Unbind", new { });
        Assert.True((bool)unbound["ok"]!);
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(false, "notBound");
    }

    [Fact]
    public async Task A_card_entered_by_hand_and_resent_with_its_action_id_is_dealt_once()
    {
        // The console lost the answer (a node went away) and sends the same press again.
        await using var dealer = await _server.BoundDealerAsync(Baccarat);
        (await dealer.InvokeObjectAsync("ChangeShoe", new { })).ExpectVerdict(true);
        Assert.Equal("burn-card (repeat)", (string)(await Burn("AH"))["what"]!);
        // The ace asks for one more burn card: the resend did not stand for it.
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(false, "burnIncomplete");
        (await dealer.InvokeObjectAsync("Burn", new { card = "2C" })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(true);

        var first = await dealer.InvokeObjectAsync("ScanCard", new { card = "9H", actionId = "press-1" });
        first.ExpectVerdict(true);
        var again = await dealer.InvokeObjectAsync("ScanCard", new { card = "9H", actionId = "press-1" });
        again.ExpectVerdict(true);
        Assert.Equal(((string)first["what"]!).Split(' ')[1] + " (repeat)", ((string)again["what"]!)["scan-card ".Length..]);
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "8H", actionId = "press-1" })).ExpectVerdict(false, "conflictingResult");
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "8H", actionId = new string('x', LiveCasino.Server.Hubs.DealerHub.ActionIdLengthMax + 1) })).ExpectVerdict(false, "invalid");
        (await dealer.InvokeObjectAsync("ScanCard", new { card = "8H", actionId = " " })).ExpectVerdict(false, "invalid");

        // The next card is the deal's second: the resend took no position.
        var second = await dealer.InvokeObjectAsync("ScanCard", new { card = "3C", actionId = "press-2" });
        second.ExpectVerdict(true);
        Assert.StartsWith("scan-card 2", (string)second["what"]!, StringComparison.Ordinal);

        async Task<JsonObject> Burn(string card)
        {
            (await dealer.InvokeObjectAsync("Burn", new { card, actionId = "burn-" + card })).ExpectVerdict(true);
            return await dealer.InvokeObjectAsync("Burn", new { card, actionId = "burn-" + card });
        }
    }
}
