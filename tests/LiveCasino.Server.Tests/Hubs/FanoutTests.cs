using System.Text.Json.Nodes;
using LiveCasino.Tables.Configuration;
using LiveCasino.TestKit;
using Xunit.Abstractions;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// The fan-out's guarantees: table events are linked by seq/prevSeq so a client can tell a gap and
/// repair it with a snapshot; the node itself notices events it missed and resyncs its viewers; and
/// a viewer that stops reading neither stalls the table nor the other viewers, and gets a resync
/// once it reads again.
/// </summary>
public sealed class FanoutTests(ITestOutputHelper output)
{
    private const string Roulette = "roulette-1";

    private static async Task<long> RoundAsync(HubTestClient dealer, int number)
    {
        var open = await dealer.InvokeObjectAsync("OpenRound", new { });
        open.ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(true);
        (await dealer.InvokeObjectAsync("WheelResult", new { number, revolutions = 6 })).ExpectVerdict(true);
        return (long)open["roundNo"]!;
    }

    /// <summary>The client's rule from docs/protocol.md: apply, ignore, or report a gap.</summary>
    private sealed class SequenceTracker(long start)
    {
        public long LastSeq { get; private set; } = start;

        public string Offer(JsonObject e)
        {
            var (seq, prev) = ((long)e["seq"]!, (long)e["prevSeq"]!);
            if (seq <= LastSeq)
            {
                return "old";
            }

            if (prev > LastSeq)
            {
                return "gap";
            }

            LastSeq = seq;
            return "applied";
        }

        public void Reset(long seq) => LastSeq = seq;
    }

    private static readonly string[] RoundEvents = ["roundOpened", "betsClosed", "dealingStarted", "wheelResult", "roundSettled"];

    [Fact]
    public async Task Events_chain_by_prevSeq_and_a_client_that_misses_one_sees_the_gap_and_repairs_it_with_Resync()
    {
        await using var server = new HubServer();
        await server.AddTableAsync(Roulette, GameKind.Roulette);
        var alice = await server.PlayerAsync("alice");
        await using var dealer = await server.BoundDealerAsync(Roulette);
        await using var player = await server.PlayerHubAsync(alice.Access);
        var snapshot = (await player.InvokeObjectAsync("JoinTable", Roulette))["snapshot"]!.AsObject();
        var tracker = new SequenceTracker((long)snapshot["seq"]!);

        await RoundAsync(dealer, 17);
        var events = new List<JsonObject>();
        foreach (var name in RoundEvents)
        {
            events.Add(await player.NextEventAsync(name));
        }

        Assert.All(events, e => Assert.Equal("applied", tracker.Offer(e)));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.Equal((long)events[i - 1]["seq"]!, (long)events[i]["prevSeq"]!);
        }

        // A client that lost roundOpened of the next round: betsClosed shows the gap.
        await RoundAsync(dealer, 4);
        var lost = await player.NextEventAsync("roundOpened");
        var closed = await player.NextEventAsync("betsClosed");
        Assert.Equal("gap", tracker.Offer(closed));
        Assert.Equal((long)lost["seq"]!, (long)closed["prevSeq"]!);

        var fresh = (await player.InvokeObjectAsync("Resync", Roulette))["snapshot"]!.AsObject();
        Assert.True((long)fresh["seq"]! >= (long)closed["seq"]!, "the snapshot covers what was missed");
        tracker.Reset((long)fresh["seq"]!);
        Assert.Equal(4, (int)fresh["round"]!["result"]!["number"]!);

        await RoundAsync(dealer, 9);
        var next = await player.NextEventAsync("roundOpened", e => (long)e["seq"]! > tracker.LastSeq);
        Assert.Equal("applied", tracker.Offer(next));
    }

    [Fact]
    public async Task A_table_that_restarted_and_forgot_its_feed_is_caught_up_and_viewers_resync()
    {
        await using var server = new HubServer();
        await server.AddTableAsync(Roulette, GameKind.Roulette);
        var alice = await server.PlayerAsync("alice");
        await using var dealer = await server.BoundDealerAsync(Roulette);
        await using var player = await server.PlayerHubAsync(alice.Access);
        var seq = (long)(await player.InvokeObjectAsync("JoinTable", Roulette))["snapshot"]!["seq"]!;

        // The table stops (as a crash would): its subscribers (our feed) are forgotten; the next command restarts it.
        var region = server.Tables.Tables.Region;
        region.StopEntity(Roulette);
        await Eventually.TrueAsync(async () => await region.EntityCountAsync(HubTestClient.Patience) == 0, "the table stopped", HubTestClient.Patience);
        var open = await dealer.InvokeObjectAsync("OpenRound", new { });
        open.ExpectVerdict(true);

        var before = server.Metrics.Resyncs;
        server.Time.Advance(server.Edge.FeedCheckInterval);
        var resync = await player.NextEventAsync("resync");
        Assert.Equal(("gap", Roulette), ((string)resync["reason"]!, (string)resync["tableId"]!));
        var fresh = resync["snapshot"]!.AsObject();
        Assert.True((long)fresh["seq"]! > seq);
        Assert.Equal(((long)open["roundNo"]!, "bettingOpen"), ((long)fresh["round"]!["roundNo"]!, (string)fresh["round"]!["phase"]!));
        Assert.True(server.Metrics.Resyncs > before);

        // And the feed follows the restarted table again.
        (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(true);
        var closed = await player.NextEventAsync("betsClosed");
        Assert.True((long)closed["prevSeq"]! <= (long)fresh["seq"]! && (long)closed["seq"]! > (long)fresh["seq"]!, closed.ToJsonString());
    }

    [Fact]
    public async Task A_feed_follows_a_table_that_stopped_soon_after_its_actor_stopped_not_at_the_periodic_check()
    {
        await using var server = new HubServer();
        await server.AddTableAsync(Roulette, GameKind.Roulette);
        var alice = await server.PlayerAsync("alice");
        await using var dealer = await server.BoundDealerAsync(Roulette);
        await using var player = await server.PlayerHubAsync(alice.Access);
        await player.InvokeObjectAsync("JoinTable", Roulette);

        // The table's actor stops, as on a move: the feed watching it subscribes again, which starts
        // the table (wherever its shard lives), well before the periodic check would.
        var region = server.Tables.Tables.Region;
        region.StopEntity(Roulette);
        await Eventually.TrueAsync(async () => await region.EntityCountAsync(HubTestClient.Patience) == 0, "the table stopped", HubTestClient.Patience);
        var advanced = TimeSpan.Zero;
        await Eventually.TrueAsync(
            async () =>
            {
                server.Time.Advance(TimeSpan.FromMilliseconds(50));
                advanced += TimeSpan.FromMilliseconds(50);
                return await region.EntityCountAsync(HubTestClient.Patience) == 1;
            },
            "the feed subscribing again",
            HubTestClient.Patience);
        Assert.True(advanced < server.Edge.FeedCheckInterval, $"subscribed again after {advanced} of server time, not at the {server.Edge.FeedCheckInterval} check");

        var open = await dealer.InvokeObjectAsync("OpenRound", new { });
        open.ExpectVerdict(true);
        var opened = await player.NextEventAsync("roundOpened");
        Assert.Equal((long)open["roundNo"]!, (long)opened["roundNo"]!);
    }

    [Fact]
    public async Task A_viewer_that_stops_reading_does_not_stall_the_table_or_other_viewers_and_is_resynced()
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiveCasino:Hubs:OutgoingBufferMax"] = "16", // a round's events fit; a stalled socket soon does not
            ["LiveCasino:Edge:TransportBufferBytes"] = "1024",
            ["LiveCasino:Hubs:MessagesPerSecond"] = "10000", // the dealer runs rounds as fast as it can
            ["LiveCasino:Hubs:MessageBurst"] = "10000",
        };
        await using var server = new HubServer(settings, kestrel: k => k.Limits.MaxResponseBufferSize = 1024);
        await server.AddTableAsync(Roulette, GameKind.Roulette);
        var slowTokens = await server.PlayerAsync("slow");
        var fastTokens = await server.PlayerAsync("fast");
        await using var dealer = await server.BoundDealerAsync(Roulette);
        await using var slow = await server.PlayerHubAsync(slowTokens.Access, receiveBufferBytes: 1024);
        await using var fast = await server.PlayerHubAsync(fastTokens.Access);
        Assert.True((bool)(await slow.InvokeObjectAsync("JoinTable", Roulette))["ok"]!);
        var fastSnapshot = (await fast.InvokeObjectAsync("JoinTable", Roulette))["snapshot"]!.AsObject();
        var fastTracker = new SequenceTracker((long)fastSnapshot["seq"]!);

        slow.PauseReading();
        var rounds = 0;
        while (server.Metrics.Resyncs == 0)
        {
            Assert.True(rounds < 300, "the stalled viewer's outbox never overflowed");
            var roundNo = await RoundAsync(dealer, rounds % 37); // the table answers while one viewer is stalled
            rounds++;

            // The other viewer gets the whole round, in order, meanwhile.
            foreach (var name in RoundEvents)
            {
                var e = await fast.NextEventAsync(name, x => (long)x["roundNo"]! == roundNo);
                Assert.Equal("applied", fastTracker.Offer(e));
            }
        }

        output.WriteLine($"the stalled viewer overflowed after {rounds} rounds; {server.Metrics.EventsDropped} events dropped");
        var last = await RoundAsync(dealer, 5);
        await fast.NextEventAsync("roundSettled", e => (long)e["roundNo"]! == last);

        slow.ResumeReading();
        var resync = await slow.NextEventAsync("resync");
        Assert.Equal("overflow", (string)resync["reason"]!);
        var fresh = resync["snapshot"]!.AsObject();
        var tracker = new SequenceTracker((long)fresh["seq"]!);
        Assert.True((long)fresh["round"]!["roundNo"]! >= last - 1, fresh.ToJsonString());

        var after = await RoundAsync(dealer, 6);
        var settled = await slow.NextEventAsync("roundSettled", e => (long)e["roundNo"]! == after);
        var opened = await slow.NextEventAsync("roundOpened", e => (long)e["roundNo"]! == after);
        Assert.Equal("applied", tracker.Offer(opened));
        Assert.True((long)settled["seq"]! > tracker.LastSeq);
    }
}
