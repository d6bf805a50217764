using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Server.Edge;
using LiveCasino.Sharding;
using LiveCasino.Tables.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace LiveCasino.Server.Tests;

/// <summary>
/// The table catalog on Akka.NET (memory plugin, every message round-tripped through serialization):
/// listings survive a stop and recovery, a repeated listing changes nothing, a changed one moves,
/// and the bound refuses a new table with a reason while existing ones may still change.
/// </summary>
public sealed class TableCatalogActorTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private ActorSystem _system = null!;
    private int _incarnation;

    public Task InitializeAsync()
    {
        var config = HoconFiles.Load(HoconFiles.LocalFiles).Overrides(CatalogSerialization.EngineHocon).Overrides("""
            akka.loglevel = WARNING
            akka.actor.serialize-messages = on
            akka.persistence.journal.plugin = "livecasino.persistence.memory.journal"
            akka.persistence.snapshot-store.plugin = "livecasino.persistence.memory.snapshot-store"
            """);
        _system = ActorSystem.Create("catalog", config);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _system.Terminate();

    private IActorRef Catalog(int tablesMax = 2) => _system.ActorOf(TableCatalogActor.Props(tablesMax, _time), "catalog-" + ++_incarnation);

    private static async Task StopAsync(IActorRef catalog)
    {
        var stopped = catalog.WatchAsync();
        catalog.Tell(EntityStop.Instance);
        await stopped.WaitAsync(Patience);
    }

    private static Task<CatalogReply> ListAsync(IActorRef catalog, TableListing listing) => catalog.Ask<CatalogReply>(new CatalogCommand.List(listing), Patience);

    private static async Task<IReadOnlyList<TableListing>> AllAsync(IActorRef catalog) => (await catalog.Ask<CatalogListings>(new CatalogCommand.GetAll(), Patience)).Tables;

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
