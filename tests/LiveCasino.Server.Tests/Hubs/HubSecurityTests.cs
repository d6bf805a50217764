using System.Net;
using LiveCasino.Server.Tests.Support;
using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// Who may open which hub, and what bad input does: roles, studios, revoked tokens (at connect and
/// on an open connection), origins, oversized and malformed messages, rate and connection limits.
/// </summary>
public sealed class HubSecurityTests
{
    private const string Roulette = "roulette-1";

    private static async Task<HubServer> ServerAsync(IDictionary<string, string?>? settings = null)
    {
        var server = new HubServer(settings);
        await server.AddTableAsync(Roulette, GameKind.Roulette);
        return server;
    }

    [Fact]
    public async Task Hubs_refuse_the_wrong_role_and_anonymous_callers()
    {
        await using var server = await ServerAsync();
        var alice = await server.PlayerAsync("alice");
        var console = await server.ConsoleTokenAsync();

        Assert.Equal(HttpStatusCode.Forbidden, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/dealer", alice.Access));
        Assert.Equal(HttpStatusCode.Forbidden, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/player", console));
        Assert.Equal(HttpStatusCode.Forbidden, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/dealer", await server.OperatorTokenAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/player", null));
        Assert.Equal(HttpStatusCode.Unauthorized, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/player", "not-a-token"));
    }

    [Fact]
    public async Task A_console_acts_only_on_its_own_studio_tables()
    {
        await using var server = await ServerAsync();
        await server.AddTableAsync("other-roulette", GameKind.Roulette, studio: "studio-b");
        await using var dealer = await server.DealerHubAsync(await server.ConsoleTokenAsync("studio-b"));

        var lobby = (await dealer.InvokeAsync("ListTables"))!.AsArray();
        Assert.Equal(["other-roulette"], lobby.Select(t => (string)t!["tableId"]!).ToList());
        var bind = await dealer.InvokeObjectAsync("Bind", new { tableId = Roulette });
        Assert.Equal((false, "wrongStudio"), ((bool)bind["ok"]!, (string)bind["reason"]!));
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(false, "notBound");

        var own = await dealer.InvokeObjectAsync("Bind", new { tableId = "other-roulette" });
        Assert.True((bool)own["ok"]!, own.ToJsonString());
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(true);
        var snapshot = await server.Tables.Feed(Roulette)!.SnapshotAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, snapshot.RoundNo); // studio-a's table never moved
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_connect_and_an_open_connection_of_it_is_closed()
    {
        await using var server = await ServerAsync();
        var alice = await server.PlayerAsync("alice");
        var second = await server.Http.LoginAsync("alice");
        await using var open = await server.PlayerHubAsync(second.Access);
        Assert.True((bool)(await open.InvokeObjectAsync("JoinTable", Roulette))["ok"]!);

        await (await server.Http.PostRawAsync("/api/accounts/logout", "", alice.Access)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/player", alice.Access));

        // Ending every session (a password change) closes the open connection at its next session check.
        var change = new { currentPassword = Rest.Password, newPassword = "another long password", endOtherSessions = true };
        var third = await server.Http.LoginAsync("alice");
        await (await server.Http.PostJsonAsync("/api/accounts/password", change, third.Access)).ExpectAsync(HttpStatusCode.NoContent);
        server.Time.Advance(TimeSpan.FromMinutes(1));
        var ended = await open.NextEventAsync("sessionEnded");
        Assert.Contains("session", (string)ended["reason"]!, StringComparison.Ordinal);
        await open.Closed.WaitAsync(HubTestClient.Patience); // then the server closes it
    }

    [Fact]
    public async Task Cross_origin_WebSockets_are_refused_and_the_node_own_origin_is_allowed()
    {
        await using var server = await ServerAsync();
        var alice = await server.PlayerAsync("alice");
        Assert.Equal(HttpStatusCode.Forbidden, await HubTestClient.RefusedStatusAsync(server.BaseAddress, "/hubs/player", alice.Access, origin: "https://evil.example"));
        await using var own = await HubTestClient.ConnectAsync(server.BaseAddress, "/hubs/player", alice.Access, origin: $"http://localhost:{server.Port}");
        Assert.NotNull(await own.InvokeAsync("ListTables"));
    }

    [Fact]
    public async Task Malformed_arguments_get_an_error_completion_and_the_connection_stays_usable()
    {
        await using var server = await ServerAsync();
        var alice = await server.PlayerAsync("alice");
        await using var player = await server.PlayerHubAsync(alice.Access);

        var asString = await player.CompletionAsync("PlaceBet", new { tableId = Roulette, roundNo = 1, betId = "b", lines = new[] { new { spot = "red", amount = "500" } } });
        var unknownField = await player.CompletionAsync("PlaceBet", new { tableId = Roulette, roundNo = 1, betId = "b", lines = Array.Empty<object>(), admin = true });
        var missing = await player.CompletionAsync("PlaceBet", new { tableId = Roulette, roundNo = 1 });
        var fraction = await player.CompletionAsync("PlaceBet", new { tableId = Roulette, roundNo = 1.5, betId = "b", lines = Array.Empty<object>() });
        var tooMany = await player.CompletionAsync("JoinTable", Roulette, "extra");
        var noSuchMethod = await player.CompletionAsync("Deposit", 1_000_000);
        foreach (var c in new[] { asString, unknownField, missing, fraction, tooMany, noSuchMethod })
        {
            Assert.StartsWith("Failed to invoke", (string)c["error"]!, StringComparison.Ordinal);
            Assert.Null(c["result"]);
        }

        Assert.True((bool)(await player.InvokeObjectAsync("JoinTable", Roulette))["ok"]!);
        var balance = await player.InvokeObjectAsync("GetBalance");
        Assert.Equal(0, (long)balance["available"]!);
    }

    [Fact]
    public async Task Invalid_JSON_and_oversized_messages_close_the_connection()
    {
        await using var server = await ServerAsync();
        var alice = await server.PlayerAsync("alice");

        await using var garbled = await server.PlayerHubAsync(alice.Access);
        await garbled.SendTextAsync("{\"type\":1,\"target\":\"JoinTable\",\"arguments\":[\u001e");
        var closed = await garbled.Closed.WaitAsync(HubTestClient.Patience);
        Assert.NotNull(closed?["error"]);

        await using var big = await server.PlayerHubAsync(alice.Access);
        var huge = new string('x', 40 * 1024);
        await big.SendTextAsync("{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinTable\",\"arguments\":[\"" + huge + "\"]}\u001e");
        var tooBig = await big.Closed.WaitAsync(HubTestClient.Patience);
        Assert.Equal("Connection closed with an error.", (string?)tooBig?["error"]);
    }

    [Fact]
    public async Task Message_and_bet_budgets_and_connections_per_account_are_enforced()
    {
        await using var server = await ServerAsync(new Dictionary<string, string?>
        {
            ["LiveCasino:Hubs:MessagesPerSecond"] = "1",
            ["LiveCasino:Hubs:MessageBurst"] = "3",
            ["LiveCasino:Hubs:BetsPerSecond"] = "1",
            ["LiveCasino:Hubs:BetBurst"] = "1",
            ["LiveCasino:Hubs:ConnectionsPerAccountMax"] = "1",
        });
        var alice = await server.PlayerAsync("alice", deposit: 1_000);
        await using var player = await server.PlayerHubAsync(alice.Access);

        var bets = new List<string>();
        foreach (var id in new[] { "b-1", "b-2" })
        {
            var reply = await player.InvokeObjectAsync("PlaceBet", new { tableId = Roulette, roundNo = 1, betId = id, lines = new[] { new { spot = "red", amount = 100 } } });
            bets.Add((string)reply["reason"]!);
        }

        Assert.Equal("noRoundOpen", bets[0]); // the first reached the table
        Assert.Equal("rateLimited", bets[1]); // the second was over the bet budget

        var errors = 0;
        for (var i = 0; i < 6; i++)
        {
            var c = await player.CompletionAsync("ListTables");
            if (((string?)c["error"])?.Contains("rateLimited", StringComparison.Ordinal) == true)
            {
                errors++;
            }
        }

        Assert.True(errors >= 1, "a burst over the message budget is refused");

        await using var second = await server.PlayerHubAsync(alice.Access);
        var refused = await second.Closed.WaitAsync(HubTestClient.Patience);
        Assert.Contains("tooManyConnections", (string?)refused?["error"] ?? "", StringComparison.Ordinal);
    }
}
