using System.Net;
using LiveCasino.Tables.Configuration;
using LiveCasino.Server.Tests.Hubs;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>
/// /api/operator/cluster on one node (a cluster of one): the member and its regions, where an entity
/// lives, the table entity's own state, and member actions refused with a clear problem for a bad or
/// unknown address; players may not look. The multi-node behaviour is tests/LiveCasino.Cluster.Tests.
/// </summary>
public sealed class ClusterApiTests : IAsyncLifetime
{
    private const string Table = "roulette-c1";
    private HubServer _server = null!;
    private string _operator = null!;

    public async Task InitializeAsync()
    {
        _server = new HubServer();
        _operator = await _server.OperatorTokenAsync();
        await _server.AddTableAsync(Table, GameKind.Roulette);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_operator_sees_the_member_its_regions_and_where_a_table_lives()
    {
        var cluster = await (await _server.Http.GetAsync("/api/operator/cluster", _operator)).ExpectAsync(HttpStatusCode.OK);
        var self = (string)cluster["self"]!;
        Assert.StartsWith("akka.tcp://", self, StringComparison.Ordinal);
        var member = Assert.Single(cluster["members"]!.AsArray())!;
        Assert.Equal(self, (string)member["address"]!);
        Assert.Equal("up", (string)member["status"]!);
        Assert.True((bool)member["reachable"]!);
        var regions = cluster["regions"]!.AsArray().Select(r => (string)r!["region"]!).ToList();
        Assert.Contains("table", regions);
        Assert.Contains("wallet", regions);
        Assert.Contains("account", regions);
        var tables = cluster["regions"]!.AsArray().Single(r => (string)r!["region"]! == "table")!;
        Assert.True((int)tables["entities"]! >= 1, tables.ToJsonString());

        var located = await (await _server.Http.GetAsync($"/api/operator/cluster/entities/table/{Table}", _operator)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(self, (string)located["address"]!);
        Assert.False(string.IsNullOrEmpty((string)located["shardId"]!));
        await (await _server.Http.GetAsync($"/api/operator/cluster/entities/no-such-region/{Table}", _operator)).ExpectProblemAsync(HttpStatusCode.NotFound, "no-such-region");

        var state = await (await _server.Http.GetAsync($"/api/operator/tables/{Table}", _operator)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Table, (string)state["tableId"]!);
        Assert.True((bool)state["chainIntact"]!);
        await (await _server.Http.GetAsync("/api/operator/tables/no-such-table", _operator)).ExpectProblemAsync(HttpStatusCode.NotFound, "no-such-table");
    }

    [Fact]
    public async Task Member_actions_refuse_a_bad_or_unknown_address_and_change_nothing()
    {
        await (await _server.Http.PostJsonAsync("/api/operator/cluster/members/leave", new { address = "" }, _operator)).ExpectProblemAsync(HttpStatusCode.BadRequest, "address");
        await (await _server.Http.PostJsonAsync("/api/operator/cluster/members/down", new { address = new string('a', 300) }, _operator)).ExpectProblemAsync(HttpStatusCode.BadRequest, "address");
        await (await _server.Http.PostJsonAsync("/api/operator/cluster/members/down", new { address = "akka.tcp://livecasino@127.0.0.1:1" }, _operator)).ExpectProblemAsync(HttpStatusCode.NotFound, "no member");

        var cluster = await (await _server.Http.GetAsync("/api/operator/cluster", _operator)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("up", (string)cluster["members"]![0]!["status"]!);
    }

    [Fact]
    public async Task The_trial_balance_covers_every_wallet_and_is_balanced()
    {
        await _server.PlayerAsync("bob", deposit: 10_000);
        var trial = await (await _server.Http.GetAsync("/api/operator/ledger/trial-balance", _operator)).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)trial["balanced"]!, trial.ToJsonString());
        Assert.True((long)trial["wallets"]! >= 1);
        Assert.Equal((long)trial["debitsPosted"]!, (long)trial["creditsPosted"]!);
        Assert.True((long)trial["creditsPosted"]! >= 10_000);
        var player = trial["lines"]!.AsArray().Single(l => (string)l!["account"]! == "player")!;
        Assert.True((long)player["creditsPosted"]! >= 10_000);
    }

    [Fact]
    public async Task Players_may_not_see_or_change_the_cluster()
    {
        var alice = await _server.PlayerAsync("alice");
        await (await _server.Http.GetAsync("/api/operator/ledger/trial-balance", alice.Access)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await _server.Http.GetAsync("/api/operator/cluster", alice.Access)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await _server.Http.PostJsonAsync("/api/operator/cluster/members/leave", new { address = "akka.tcp://livecasino@127.0.0.1:1" }, alice.Access)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await _server.Http.GetAsync("/api/operator/tables/" + Table, alice.Access)).ExpectAsync(HttpStatusCode.Forbidden);
    }
}
