using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiveCasino.Server.Tests.Hubs;
using LiveCasino.Server.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Server.Tests;

/// <summary>
/// The tables REST API on the real node (Kestrel, SQLite, fake time): an operator configures a
/// table, a console plays a round through the dealer hub while a player bets through the player
/// hub, then the round history, the round in full (verified against its seals) and the player's bet
/// history are read back; bad input is refused with a ProblemDetails naming the field and changes nothing.
/// </summary>
public sealed class TableApiTests : IAsyncLifetime
{
    private const string Table = "roulette-r1";
    private HubServer _server = null!;
    private string _operator = null!;

    public async Task InitializeAsync()
    {
        _server = new HubServer();
        _operator = await _server.OperatorTokenAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static object Config(int bettingWindowMs = 15_000, string currency = "EUR", string game = "roulette", object? limits = null, object? paytable = null, object? stream = null) => new
    {
        studioId = HubServer.Studio,
        game,
        currency,
        bettingWindowMs,
        limits = limits ?? new { spotMin = 100, spotMax = 500_000 },
        paytable,
        stream = stream ?? new { urls = new Dictionary<string, string> { ["hls"] = "https://video.example/r1.m3u8" }, delayMs = new Dictionary<string, int> { ["hls"] = 6_000 } },
    };

    private async Task<HttpResponseMessage> PutAsync(string tableId, object body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/operator/tables/{tableId}") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await _server.Http.SendAsync(request);
    }

    private async Task<JsonObject> OperatorTableAsync(string tableId)
    {
        using var response = await _server.Http.GetAsync("/api/operator/tables", _operator);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(text)!.AsArray().Single(t => (string)t!["tableId"]! == tableId)!.AsObject();
    }

    [Fact]
    public async Task Operator_creates_and_reconfigures_a_table_a_player_is_refused_and_the_lobby_lists_it()
    {
        var alice = await _server.PlayerAsync("alice");
        await (await PutAsync(Table, Config(), alice.Access)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await PutAsync(Table, Config(), null)).ExpectAsync(HttpStatusCode.Unauthorized);
        await (await _server.Http.GetAsync("/api/operator/tables", alice.Access)).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Empty(_server.Tables.Listings); // the refused calls created nothing

        var created = await (await PutAsync(Table, Config(), _operator)).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal((Table, "roulette", HubServer.Studio), ((string)created["tableId"]!, (string)created["game"]!, (string)created["studioId"]!));
        Assert.Equal(("EUR", 15_000, "roulette-european"), ((string)created["config"]!["currency"]!, (int)created["config"]!["bettingWindowMs"]!, (string)created["config"]!["paytable"]!["id"]!));

        var updated = await (await PutAsync(Table, Config(bettingWindowMs: 20_000), _operator)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(20_000, (int)updated["config"]!["bettingWindowMs"]!);
        await Eventually.TrueAsync(
            () => OperatorTableAsync(Table).GetAwaiter().GetResult()["config"]?["bettingWindowMs"]?.GetValue<int>() == 20_000,
            $"{Table} lists its new betting window", HubTestClient.Patience);
        var listed = await OperatorTableAsync(Table);
        Assert.Equal(("none", 0L, "https://video.example/r1.m3u8", 6_000), ((string)listed["phase"]!, (long)listed["roundNo"]!,
            (string)listed["config"]!["stream"]!["urls"]!["hls"]!, (int)listed["config"]!["stream"]!["delayMs"]!["hls"]!));

        var lobbyResponse = await _server.Http.GetAsync("/api/tables", alice.Access);
        var lobby = JsonNode.Parse(await lobbyResponse.Content.ReadAsStringAsync())!.AsArray();
        var table = lobby.Single()!.AsObject();
        Assert.Equal((Table, "roulette", HubServer.Studio, "EUR"), ((string)table["tableId"]!, (string)table["game"]!, (string)table["studioId"]!, (string)table["currency"]!));
        await (await _server.Http.GetAsync("/api/tables", null)).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_played_round_is_in_the_history_in_full_verified_and_in_my_bets()
    {
        await (await PutAsync(Table, Config(), _operator)).ExpectAsync(HttpStatusCode.Created);
        var alice = await _server.PlayerAsync("alice", deposit: 10_000);
        await using var dealer = await _server.BoundDealerAsync(Table);
        await using var player = await _server.PlayerHubAsync(alice.Access);
        Assert.True((bool)(await player.InvokeObjectAsync("JoinTable", Table))["ok"]!);

        var bob = await _server.PlayerAsync("bob", deposit: 1_000);
        await using var bobs = await _server.PlayerHubAsync(bob.Access);
        Assert.True((bool)(await bobs.InvokeObjectAsync("JoinTable", Table))["ok"]!);

        var roundNo = (long)(await dealer.InvokeObjectAsync("OpenRound", new { studioTime = "2026-11-21T12:00:00+00:00" }))["roundNo"]!;
        var bet = await player.InvokeObjectAsync("PlaceBet", new { tableId = Table, roundNo, betId = "b-1", lines = new[] { new { spot = "red", amount = 500L } } });
        Assert.Equal("accepted", (string)bet["outcome"]!);
        await (await PutAsync(Table, Config(bettingWindowMs: 5_000), _operator)).ExpectProblemAsync(HttpStatusCode.Conflict, "roundInProgress");
        var bobsBet = await bobs.InvokeObjectAsync("PlaceBet", new { tableId = Table, roundNo, betId = "b-1", lines = new[] { new { spot = "black", amount = 200L } } });
        Assert.Equal("accepted", (string)bobsBet["outcome"]!);
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(accepted: true);
        (await dealer.InvokeObjectAsync("WheelResult", new { number = 3, revolutions = 6 })).ExpectVerdict(accepted: true);
        await player.NextEventAsync("roundSettled");

        JsonObject history = [];
        await Eventually.TrueAsync(
            () => (history = Get($"/api/tables/{Table}/rounds", alice.Access, HttpStatusCode.OK))["items"]!.AsArray().Count == 1,
            $"round {roundNo} of {Table} is sealed", HubTestClient.Patience);
        var item = history["items"]![0]!.AsObject();
        Assert.Equal((roundNo, $"{Table}:{roundNo}"), ((long)item["roundNo"]!, (string)item["roundId"]!));
        Assert.Equal(64, ((string)item["hash"]!).Length);
        Assert.Equal("round", (string)item["seals"]![0]!["kind"]!);
        Assert.Null(history["nextBefore"]);

        var round = Get($"/api/tables/{Table}/rounds/{roundNo}", alice.Access, HttpStatusCode.OK);
        Assert.True((bool)round["verified"]!, round.ToJsonString());
        Assert.Empty(round["breaks"]!.AsArray());
        var events = round["events"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal((int)item["events"]!, events.Count);
        Assert.Equal((string)item["hash"]!, (string)round["seals"]![0]!["hash"]!);
        Assert.Equal(events.Select(e => (long)e["sequenceNr"]!).Order().ToList(), events.Select(e => (long)e["sequenceNr"]!).ToList());
        Assert.All(events, e =>
        {
            Assert.False(string.IsNullOrEmpty((string?)e["manifest"]));
            Assert.NotNull(e["serverTime"]);
            Assert.NotNull(e["studioTime"]);
            Assert.Contains((long)e["event"]!["RoundNo"]!, new[] { 0, roundNo }); // the journal's own JSON, as hashed
        });
        Assert.Equal("table.configured.v1", (string)events[0]["manifest"]!); // the first record carries the configuration it ran under
        var opened = events.Single(e => (string)e["manifest"]! == "table.round-opened.v1");
        Assert.Equal(DateTimeOffset.Parse("2026-11-21T12:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture), (DateTimeOffset)opened["studioTime"]!);
        Assert.NotEqual((DateTimeOffset)opened["studioTime"]!, (DateTimeOffset)opened["serverTime"]!);
        Assert.Contains(events, e => e.ToJsonString().Contains("b-1", StringComparison.Ordinal)); // the bet is on the record

        // Alice sees her own id on the record and bob only as another player; an operator sees both.
        var aliceId = (string)Get("/api/accounts/me", alice.Access, HttpStatusCode.OK)["accountId"]!;
        var bobId = (string)Get("/api/accounts/me", bob.Access, HttpStatusCode.OK)["accountId"]!;
        Assert.True((bool)round["otherPlayersMasked"]!);
        Assert.Equal(["another player", aliceId], PlayerIds(round));
        var full = Get($"/api/tables/{Table}/rounds/{roundNo}", _operator, HttpStatusCode.OK);
        Assert.False((bool)full["otherPlayersMasked"]!);
        Assert.Equal(new[] { aliceId, bobId }.Order(StringComparer.Ordinal), PlayerIds(full));

        Assert.Equal(15_000, (int)(await OperatorTableAsync(Table))["config"]!["bettingWindowMs"]!); // the refused change changed nothing

        JsonObject bets = [];
        await Eventually.TrueAsync(
            () => (bets = Get("/api/me/bets", alice.Access, HttpStatusCode.OK))["items"]!.AsArray().FirstOrDefault()?["status"]?.GetValue<string>() == "settled",
            "alice's bet is settled in her wallet", HubTestClient.Patience);
        var mine = bets["items"]!.AsArray().Single()!.AsObject();
        Assert.Equal((Table, roundNo, "b-1", $"{Table}:{roundNo}"), ((string)mine["tableId"]!, (long)mine["roundNo"]!, (string)mine["betId"]!, (string)mine["roundId"]!));
        Assert.Equal((500L, 1_000L, 500L), ((long)mine["stakeMinor"]!, (long)mine["payoutMinor"]!, (long)mine["netMinor"]!));
        Assert.False((bool)bets["hasMore"]!);

        // Bob's bet history holds his bet only.
        await Eventually.TrueAsync(
            () => Get("/api/me/bets", bob.Access, HttpStatusCode.OK)["items"]!.AsArray().SingleOrDefault()?["status"]?.GetValue<string>() == "settled",
            "bob's bet is settled in his wallet", HubTestClient.Patience);
        var his = Get("/api/me/bets", bob.Access, HttpStatusCode.OK)["items"]!.AsArray().Single()!;
        Assert.Equal((200L, 0L, -200L), ((long)his["stakeMinor"]!, (long)his["payoutMinor"]!, (long)his["netMinor"]!));
    }

    [Fact]
    public async Task History_pages_newest_first_and_my_bets_show_a_voided_round_as_refunded()
    {
        await (await PutAsync(Table, Config(), _operator)).ExpectAsync(HttpStatusCode.Created);
        var alice = await _server.PlayerAsync("alice", deposit: 1_000);
        await using var dealer = await _server.BoundDealerAsync(Table);
        await using var player = await _server.PlayerHubAsync(alice.Access);
        Assert.True((bool)(await player.InvokeObjectAsync("JoinTable", Table))["ok"]!);
        for (var n = 1; n <= 3; n++)
        {
            var roundNo = (long)(await dealer.InvokeObjectAsync("OpenRound", new { }))["roundNo"]!;
            Assert.Equal(n, roundNo);
            var bet = await player.InvokeObjectAsync("PlaceBet", new { tableId = Table, roundNo, betId = $"b-{n}", lines = new[] { new { spot = "even", amount = 100L } } });
            Assert.Equal("accepted", (string)bet["outcome"]!);
            (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(accepted: true);
            if (n == 2)
            {
                (await dealer.InvokeObjectAsync("VoidRound", new { reason = "ball left the wheel" })).ExpectVerdict(accepted: true);
                await player.NextEventAsync("roundVoided");
            }
            else
            {
                (await dealer.InvokeObjectAsync("WheelResult", new { number = 7, revolutions = 6 })).ExpectVerdict(accepted: true); // odd: even loses
                await player.NextEventAsync("roundSettled");
            }
        }

        await Eventually.TrueAsync(
            () => Get($"/api/tables/{Table}/rounds", alice.Access, HttpStatusCode.OK)["items"]!.AsArray().Count == 3, "three rounds sealed", HubTestClient.Patience);
        var first = Get($"/api/tables/{Table}/rounds?limit=2", alice.Access, HttpStatusCode.OK);
        Assert.Equal([3L, 2L], first["items"]!.AsArray().Select(i => (long)i!["roundNo"]!));
        Assert.Equal(2L, (long)first["nextBefore"]!);
        var second = Get($"/api/tables/{Table}/rounds?limit=2&before=2", alice.Access, HttpStatusCode.OK);
        Assert.Equal([1L], second["items"]!.AsArray().Select(i => (long)i!["roundNo"]!));
        Assert.Null(second["nextBefore"]);
        Assert.True((bool)Get($"/api/tables/{Table}/rounds/2", _operator, HttpStatusCode.OK)["verified"]!); // operators read records too

        JsonObject bets = [];
        await Eventually.TrueAsync(
            () => (bets = Get("/api/me/bets", alice.Access, HttpStatusCode.OK))["items"]!.AsArray().All(b => (string)b!["status"]! != "reserved")
                && bets["items"]!.AsArray().Count == 3,
            "alice's three bets are resolved in her wallet", HubTestClient.Patience);
        var items = bets["items"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["b-3", "b-2", "b-1"], items.Select(b => (string)b["betId"]!));
        Assert.Equal(("voided", 100L, 0L, 0L), ((string)items[1]["status"]!, (long)items[1]["stakeMinor"]!, (long)items[1]["payoutMinor"]!, (long)items[1]["netMinor"]!));
        Assert.Equal(("settled", 0L, -100L), ((string)items[0]["status"]!, (long)items[0]["payoutMinor"]!, (long)items[0]["netMinor"]!));
        var page2 = Get("/api/me/bets?page=2&pageSize=2", alice.Access, HttpStatusCode.OK);
        Assert.Equal(["b-1"], page2["items"]!.AsArray().Select(b => (string)b!["betId"]!));
        Assert.False((bool)page2["hasMore"]!);
        Assert.True((bool)Get("/api/me/bets?page=1&pageSize=2", alice.Access, HttpStatusCode.OK)["hasMore"]!);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_changes_nothing()
    {
        await (await PutAsync(Table, Config(), _operator)).ExpectAsync(HttpStatusCode.Created);
        var before = (await OperatorTableAsync(Table)).ToJsonString();
        var alice = await _server.PlayerAsync("alice");

        (object Body, string Field)[] bad =
        [
            (Config(bettingWindowMs: 0), "bettingWindowMs"),
            (Config(currency: "eur"), "currency"),
            (Config(currency: "USD"), "currency"),
            (Config(game: "poker"), "game"),
            (Config(limits: new { playerRoundMax = 50 }), "limits.playerRoundMax"),
            (Config(limits: new { betsPerRoundMax = 1_000_000 }), "limits.betsPerRoundMax"),
            (Config(paytable: new { id = "no-such-paytable", version = 1 }), "paytable"),
            (Config(stream: new { urls = new Dictionary<string, string> { ["hls"] = "not a url" } }), "stream"),
        ];
        foreach (var (body, field) in bad)
        {
            await (await PutAsync(Table, body, _operator)).ExpectProblemAsync(HttpStatusCode.BadRequest, field);
            await (await PutAsync("new-table", body, _operator)).ExpectProblemAsync(HttpStatusCode.BadRequest, field);
        }

        await (await _server.Http.PostRawAsync("/api/operator/tables/" + Table, "{}", _operator)).ExpectAsync(HttpStatusCode.MethodNotAllowed);
        await (await PutAsync(Table, new { studioId = HubServer.Studio, game = "roulette", currency = "EUR", bettingWindowMs = 15_000, colour = "red" }, _operator))
            .ExpectAsync(HttpStatusCode.BadRequest);
        await (await PutAsync("bad*id", Config(), _operator)).ExpectProblemAsync(HttpStatusCode.BadRequest, "tableId");

        Assert.Equal(before, (await OperatorTableAsync(Table)).ToJsonString());
        Assert.Equal([Table], _server.Tables.Listings.Select(l => l.TableId));

        await (await _server.Http.GetAsync("/api/tables/no-such-table/rounds", alice.Access)).ExpectProblemAsync(HttpStatusCode.NotFound, "no-such-table");
        await (await _server.Http.GetAsync("/api/tables/no-such-table/rounds/1", alice.Access)).ExpectProblemAsync(HttpStatusCode.NotFound, "no-such-table");
        await (await _server.Http.GetAsync($"/api/tables/{Table}/rounds/99", alice.Access)).ExpectProblemAsync(HttpStatusCode.NotFound, "round 99");
        await (await _server.Http.GetAsync($"/api/tables/{Table}/rounds/0", alice.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "roundNo");
        await (await _server.Http.GetAsync($"/api/tables/{Table}/rounds?limit=1000000", alice.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await _server.Http.GetAsync($"/api/tables/{Table}/rounds?limit=0", alice.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await _server.Http.GetAsync($"/api/tables/{Table}/rounds?before=0", alice.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "before");
        await (await _server.Http.GetAsync($"/api/tables/{Table}/rounds?limit=9999999999999", alice.Access)).ExpectAsync(HttpStatusCode.BadRequest);
        await (await _server.Http.GetAsync("/api/me/bets?page=0", alice.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "page");
        await (await _server.Http.GetAsync("/api/me/bets?pageSize=100000", alice.Access)).ExpectProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await _server.Http.GetAsync("/api/me/bets", _operator)).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Empty(Get($"/api/tables/{Table}/rounds", _operator, HttpStatusCode.OK)["items"]!.AsArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_table_endpoints()
    {
        var doc = await (await _server.Http.GetAsync("/openapi/v1.json", null)).ExpectAsync(HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "/api/tables", "/api/tables/{tableId}/rounds", "/api/tables/{tableId}/rounds/{roundNo}", "/api/me/bets", "/api/operator/tables", "/api/operator/tables/{tableId}" },
            paths);
        Assert.NotNull(doc["paths"]!["/api/operator/tables/{tableId}"]!["put"]!["summary"]);
    }

    /// <summary>Every PlayerId value anywhere in the record's events, distinct and sorted.</summary>
    private static List<string> PlayerIds(JsonObject round)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        if (name == "PlayerId" && value is JsonValue v)
                        {
                            ids.Add(v.GetValue<string>());
                        }
                        else
                        {
                            Walk(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(round["events"]);
        return [.. ids];
    }

    private JsonObject Get(string path, string token, HttpStatusCode status) =>
        _server.Http.GetAsync(path, token).GetAwaiter().GetResult().ExpectAsync(status).GetAwaiter().GetResult();
}
