using Akka.Actor;
using LiveCasino.Server.Edge;
using LiveCasino.Tables.Configuration;
using LiveCasino.Server.Tests.Support;

namespace LiveCasino.Server.Tests;

/// <summary>
/// The table catalog on Akka.NET (memory plugin, every message round-tripped through serialization):
/// listings survive a stop and recovery, a repeated listing changes nothing, a changed one moves,
/// and the bound refuses a new table with a reason while existing ones may still change.
/// </summary>
public sealed class TableCatalogActorTests : IAsyncLifetime
{
    private readonly EntityBench _bench = new("catalog", CatalogSerialization.EngineHocon);

    public Task InitializeAsync() => _bench.InitializeAsync();

    public Task DisposeAsync() => _bench.DisposeAsync();

    private IActorRef Catalog(int tablesMax = 2) => _bench.Start(TableCatalogActor.Props(tablesMax, _bench.Time));

    private static Task StopAsync(IActorRef catalog) => EntityBench.StopAsync(catalog);

    private static Task<CatalogReply> ListAsync(IActorRef catalog, TableListing listing) => catalog.Ask<CatalogReply>(new CatalogCommand.List(listing), EntityBench.Patience);

    private static async Task<IReadOnlyList<TableListing>> AllAsync(IActorRef catalog) => (await catalog.Ask<CatalogListings>(new CatalogCommand.GetAll(), EntityBench.Patience)).Tables;

    [Fact]
    public async Task Listings_survive_a_stop_and_come_back_in_table_order()
    {
        var catalog = Catalog();
        Assert.True((await ListAsync(catalog, new TableListing("t-2", "studio-1", GameKind.Baccarat))).Listed);
        Assert.True((await ListAsync(catalog, new TableListing("t-1", "studio-1", GameKind.Roulette))).Listed);
        await StopAsync(catalog);

        var again = Catalog();
        Assert.Equal(
            [new TableListing("t-1", "studio-1", GameKind.Roulette), new TableListing("t-2", "studio-1", GameKind.Baccarat)],
            await AllAsync(again));
    }

    [Fact]
    public async Task A_repeated_listing_changes_nothing_and_a_changed_one_moves_even_at_the_bound()
    {
        var catalog = Catalog(tablesMax: 1);
        var listing = new TableListing("t-1", "studio-1", GameKind.Roulette);
        Assert.True((await ListAsync(catalog, listing)).Listed);
        Assert.True((await ListAsync(catalog, listing)).Listed); // a retry: same answer

        var moved = listing with { StudioId = "studio-2", Game = GameKind.DragonTiger };
        Assert.True((await ListAsync(catalog, moved)).Listed);
        Assert.Equal([moved], await AllAsync(catalog));
    }

    [Fact]
    public async Task A_new_table_past_the_bound_is_refused_with_the_reason_and_not_listed()
    {
        var catalog = Catalog(tablesMax: 1);
        Assert.True((await ListAsync(catalog, new TableListing("t-1", "studio-1", GameKind.Roulette))).Listed);
        var refused = await ListAsync(catalog, new TableListing("t-2", "studio-1", GameKind.Roulette));
        Assert.False(refused.Listed);
        Assert.Contains("at most 1 tables", refused.Problem, StringComparison.Ordinal);

        await StopAsync(catalog);
        Assert.Single(await AllAsync(Catalog(tablesMax: 1)));
    }
}
