namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// Demo mode end to end on real time (the simulated studio paces itself on the clock): the node
/// lists its three demo tables, and each runs rounds on its own, driven by the in-process studio
/// through the dealer hub, while a player watching through the player hub sees them settle.
/// </summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_studio_runs_rounds_on_every_demo_table_through_the_hubs()
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiveCasino:Demo:Enabled"] = "true",
            ["LiveCasino:Demo:Pace"] = "0.05",
            ["LiveCasino:Demo:Players"] = "1",
            ["LiveCasino:Demo:Seed"] = "11",
        };
        await using var server = new HubServer(settings, realTime: true);
        var alice = await server.PlayerAsync("alice");
        await using var player = await server.PlayerHubAsync(alice.Access);
        var tables = new[] { "demo-roulette", "demo-baccarat", "demo-dragontiger" };
        await LiveCasino.TestKit.Eventually.TrueAsync(
            () => server.Tables.Listings.Count == 3, "the demo listed its tables", HubTestClient.Patience);
        var lobby = (await player.InvokeAsync("ListTables"))!.AsArray().Select(t => (string)t!["tableId"]!).Order().ToList();
        Assert.Equal(tables.Order().ToList(), lobby);

        foreach (var table in tables)
        {
            Assert.True((bool)(await player.InvokeObjectAsync("JoinTable", table))["ok"]!);
        }

        foreach (var table in tables)
        {
            var settled = await player.NextEventAsync("roundSettled", e => (string)e["tableId"]! == table, TimeSpan.FromSeconds(120));
            Assert.NotNull(settled["result"]);
        }
    }
}
