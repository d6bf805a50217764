using LiveCasino.Persistence.Serialization;
using LiveCasino.Stores.Serialization;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Serialization;
using LiveCasino.Tables.Tests.Support;
using LiveCasino.TestKit;
using static LiveCasino.Tables.Tests.Support.WorldDriver;

namespace LiveCasino.Tables.Tests;

/// <summary>
/// The messages of the table and console regions cross Akka's serialization as between nodes: each
/// concrete type has a stable manifest in the table catalog, and whole rounds run with the table node
/// serializing every message it delivers (serialize-messages on), answers and subscriptions included.
/// </summary>
public sealed class MessageSerializationTests
{
    private static readonly Type[] Bound =
        [typeof(TableCommand), typeof(TableReply), typeof(TableNotification), typeof(TableSnapshot), typeof(PlayerBets), typeof(TableEvent), typeof(ConsoleCommand), typeof(ConsoleEvent), typeof(ReadingAnswered)];

    [Fact]
    public void Every_concrete_message_and_event_type_has_a_manifest_in_the_table_catalog()
    {
        var registry = new EventSerializer();
        new TableCatalog().RegisterOn(registry);
        var types = typeof(TableCommand).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && Bound.Any(b => b.IsAssignableFrom(t)))
            .ToList();
        Assert.True(types.Count > 50, $"only {types.Count} types found");
        Assert.All(types, t => Assert.True(registry.IsRegistered(t), t.FullName + " has no manifest"));
        Assert.All(types, t => Assert.Matches("^(table|console)\\.[a-z.-]+\\.v1$", registry.ManifestOf(t)));
        Assert.Equal(types.Count, types.Select(registry.ManifestOf).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_roulette_round_runs_with_every_message_serialized_and_subscribers_see_every_event()
    {
        await using var world = await TableWorld.InMemoryAsync(serializeMessages: true);
        Assert.IsType<LiveCasinoSerializer>(world.TableSystem.Serialization.FindSerializerForType(typeof(TableCommand.PlaceBet)));
        await world.FundAsync("p1", 100_000);
        await world.ConfigureAsync("rl-1", Roulette());
        var feed = world.TableSystem.CreateProbe("feed");
        world.Tables.Tell("rl-1", new TableCommand.Subscribe(), feed.Ref);
        await feed.ExpectMsgAsync<TableNotification.Subscribed>(TableWorld.Patience);

        var round = await world.OpenRoundAsync("rl-1");
        await world.BetAsync("rl-1", round, "p1", "a", Line("red", 1_000), Line("straight:17", 100)).Expect<TableReply.BetAccepted>();
        Assert.Single((await world.BetsOfAsync("rl-1", "p1")).Bets);
        await world.CloseByTimeAsync("rl-1");
        await world.SpinAsync("rl-1", round, 17).Expect<TableReply.CommandAccepted>();
        var settled = await feed.FishForMessageAsync<TableNotification.EventPersisted>(e => e.Event is RoundSettled, TableWorld.Patience);
        Assert.Equal(3_600, ((RoundSettled)settled.Event).TotalReturned); // 17 is black: the straight pays 35:1, red loses
        await world.DeliverAllAsync("rl-1");
        Assert.Equal(100_000 - 1_100 + 3_600, (await world.BalanceAsync("p1")).Posted);
    }

    [Fact]
    public async Task A_console_runs_a_baccarat_round_with_every_message_serialized()
    {
        await using var world = await TableWorld.InMemoryAsync(serializeMessages: true);
        await world.ConfigureAsync("bac-1", Baccarat());
        await world.NewShoeAsync("bac-1");
        var consoles = await DealerConsoles.StartAsync(world.TableSystem, world.Tables, world.Time);
        var screen = world.TableSystem.CreateProbe("screen");
        consoles.Connect("console-1", TableWorld.Studio, screen.Ref);
        consoles.Tell("console-1", new ConsoleCommand.Bind("bac-1"));
        await screen.FishForMessageAsync<ConsoleEvent.Bound>(_ => true, TableWorld.Patience);

        consoles.Tell("console-1", new ConsoleCommand.Act(1, new DealerAction.OpenRound(), world.Time.GetUtcNow()));
        var opened = await screen.FishForMessageAsync<ConsoleEvent.Answered>(a => a.Sequence == 1, TableWorld.Patience);
        Assert.IsType<TableReply.CommandAccepted>(opened.Reply);
        consoles.Tell("console-1", new ConsoleCommand.Act(2, new DealerAction.CloseBets(), world.Time.GetUtcNow()));
        await screen.FishForMessageAsync<ConsoleEvent.Answered>(a => a.Sequence == 2, TableWorld.Patience);
        var seq = 2;
        foreach (var card in new[] { "KH", "5C", "9C", "2D" })
        {
            consoles.Tell("console-1", new ConsoleCommand.Act(++seq, new DealerAction.CardScanned(card, null, "console-1/sensor/" + seq), world.Time.GetUtcNow()));
        }

        var result = await screen.FishForMessageAsync<ConsoleEvent.TableChanged>(e => e.Event.Event is ResultConfirmed, TableWorld.Patience);
        Assert.Equal("player", ((ResultConfirmed)result.Event.Event).Result.Winner);
    }
}
