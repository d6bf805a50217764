using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>The lobby's listing follows what the table accepted, never what it refused.</summary>
public sealed class TableCatalogTests : IAsyncLifetime
{
    private const string Roulette = "catalog-roulette";
    private readonly HubServer _server = new();

    public Task InitializeAsync() => _server.AddTableAsync(Roulette, GameKind.Roulette);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_change_refused_mid_round_leaves_the_listing_as_the_table_has_it()
    {
        await using var dealer = await _server.BoundDealerAsync(Roulette);
        (await dealer.InvokeObjectAsync("OpenRound", new { })).ExpectVerdict(accepted: true);

        var reply = await _server.Tables.ConfigureAsync(Roulette, HubServer.Config(GameKind.Roulette, studio: "studio-b"), "test-operator", CancellationToken.None);

        Assert.IsType<TableReply.CommandRejected>(reply);
        var listing = Assert.Single(_server.Tables.Listings, l => l.TableId == Roulette);
        Assert.Equal(HubServer.Studio, listing.StudioId);
    }
}
