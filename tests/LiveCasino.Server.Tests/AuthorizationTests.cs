using System.Net;
using System.Text.Json.Nodes;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>Roles and studios: players, dealer consoles and operators reach only what is theirs.</summary>
public sealed class AuthorizationTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private async Task<string> OperatorAsync(HttpClient client) => (await client.LoginAsync(ServerFactory.OperatorName, ServerFactory.OperatorPassword)).Access;

    private static async Task<JsonObject> CreateConsoleAsync(HttpClient client, string operatorToken, string studio) =>
        await (await client.PostJsonAsync("/api/operator/consoles", new { studioId = studio }, operatorToken)).ExpectAsync(HttpStatusCode.Created);

    private static async Task<string> ConsoleLoginAsync(HttpClient client, JsonObject console) =>
        Tokens.From(await (await client.PostJsonAsync("/api/consoles/login", new { consoleId = (string)console["consoleId"]!, apiKey = (string)console["apiKey"]! }))
            .ExpectAsync(HttpStatusCode.OK)).Access;

    [Fact]
    public async Task A_player_is_refused_on_operator_and_dealer_endpoints_and_anonymous_calls_are_challenged()
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("alice");
        await (await client.GetAsync("/api/operator/consoles", player.Access)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("/api/operator/consoles", new { studioId = "studio-a" }, player.Access)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostRawAsync("/api/operator/reconciliation", "", player.Access)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/dealer/studios/studio-a", player.Access)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        var anonymous = await client.SendAsync(HttpMethod.Get, "/api/operator/consoles");
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "bearer token is required");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_operator_is_not_a_player()
    {
        var client = _server.CreateClient();
        var op = await OperatorAsync(client);
        await (await client.GetAsync("/api/wallet", op)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var me = await (await client.GetAsync("/api/accounts/me", op)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("operator", (string)me["role"]!);
    }

    [Fact]
    public async Task A_console_reaches_its_own_studio_only()
    {
        var client = _server.CreateClient();
        var op = await OperatorAsync(client);
        var console = await CreateConsoleAsync(client, op, "studio-a");
        Assert.StartsWith("lck_", (string)console["apiKey"]!, StringComparison.Ordinal);
        var token = await ConsoleLoginAsync(client, console);

        var own = await (await client.GetAsync("/api/dealer/studios/studio-a", token)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)console["consoleId"]!, (string)own["consoleId"]!);
        await (await client.GetAsync("/api/dealer/studios/studio-b", token)).ExpectProblemAsync(HttpStatusCode.Forbidden, "another studio");
        await (await client.GetAsync("/api/wallet", token)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/operator/consoles", token)).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var me = await (await client.GetAsync("/api/accounts/me", token)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("dealer", "studio-a"), ((string)me["role"]!, (string)me["studioId"]!));
    }

    [Fact]
    public async Task Rotating_a_console_key_ends_its_sessions_and_revoking_it_stops_logins()
    {
        var client = _server.CreateClient();
        var op = await OperatorAsync(client);
        var console = await CreateConsoleAsync(client, op, "studio-a");
        var id = (string)console["consoleId"]!;
        var token = await ConsoleLoginAsync(client, console);

        var rotated = await (await client.SendAsync(HttpMethod.Post, $"/api/operator/consoles/{id}/rotate", op)).ExpectAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/dealer/studios/studio-a", token)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/consoles/login", new { consoleId = id, apiKey = (string)console["apiKey"]! })).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        var fresh = await ConsoleLoginAsync(client, rotated);

        await (await client.SendAsync(HttpMethod.Delete, $"/api/operator/consoles/{id}", op)).ExpectAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/dealer/studios/studio-a", fresh)).ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/consoles/login", new { consoleId = id, apiKey = (string)rotated["apiKey"]! })).ExpectProblemAsync(HttpStatusCode.Unauthorized);

        var list = (await (await client.GetAsync("/api/operator/consoles", op)).Content.ReadAsStringAsync());
        var item = JsonNode.Parse(list)!.AsArray().Single(c => (string)c!["consoleId"]! == id)!;
        Assert.Equal(("studio-a", true), ((string)item["studioId"]!, (bool)item["disabled"]!));
        Assert.NotNull(item["keyRotatedAt"]);
    }

    [Fact]
    public async Task The_hub_paths_refuse_origins_outside_the_allowlist()
    {
        var client = _server.CreateClient();
        var player = await client.RegisterAndLoginAsync("bob");
        using var evil = new HttpRequestMessage(HttpMethod.Post, "/hubs/player/negotiate?negotiateVersion=1");
        evil.Headers.Add("Origin", "https://evil.example");
        await (await client.SendAsync(evil)).ExpectProblemAsync(HttpStatusCode.Forbidden, "origin");

        using var own = new HttpRequestMessage(HttpMethod.Post, $"/hubs/player/negotiate?negotiateVersion=1&access_token={player.Access}");
        own.Headers.Add("Origin", "http://localhost:5080");
        Assert.NotEqual(HttpStatusCode.Forbidden, (await client.SendAsync(own)).StatusCode); // passes the guard (no hub is mapped yet)
    }
}
