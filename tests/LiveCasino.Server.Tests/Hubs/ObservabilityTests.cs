using System.Text.Json;
using LiveCasino.TestKit;
using LiveCasino.Observability.Tests;
using LiveCasino.Tables.Configuration;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// A round played through the hubs on a node with OTLP export on (a real HTTP receiver in the
/// process): the bet's <c>PlaceBet</c> span and the round's <c>SettleRound</c> span reach the
/// receiver with the round id and bet id, and /metrics shows the round, the settlement latency and
/// the entities per region. Spans of other tests' nodes may ride along: this test's are found by id.
/// </summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task A_bet_and_its_round_go_out_as_spans_over_OTLP_and_show_in_the_metrics()
    {
        using var receiver = new OtlpReceiver();
        var table = "obs-" + Guid.NewGuid().ToString("N")[..8];
        var server = new HubServer(new Dictionary<string, string?>
        {
            ["LiveCasino:Otlp:Enabled"] = "true",
            ["LiveCasino:Otlp:Endpoint"] = receiver.Endpoint.ToString(),
            ["LiveCasino:Otlp:ExportMetrics"] = "false",
        });
        string metrics;
        long roundNo;
        try
        {
            await server.AddTableAsync(table, GameKind.Roulette);
            var alice = await server.PlayerAsync("alice", deposit: 10_000);
            await using var dealer = await server.BoundDealerAsync(table);
            await using var player = await server.PlayerHubAsync(alice.Access);
            await player.InvokeObjectAsync("JoinTable", table);
            roundNo = (long)(await dealer.InvokeObjectAsync("OpenRound", new { }))["roundNo"]!;
            var bet = await player.InvokeObjectAsync("PlaceBet", new { tableId = table, roundNo, betId = "b-otlp", lines = new[] { new { spot = "red", amount = 500 } } });
            Assert.Equal("accepted", (string)bet["outcome"]!);
            (await dealer.InvokeObjectAsync("CloseBets", new { })).ExpectVerdict(accepted: true);
            (await dealer.InvokeObjectAsync("WheelResult", new { number = 3, revolutions = 6 })).ExpectVerdict(accepted: true);
            await player.NextEventAsync("roundSettled");

            // Region counts are refreshed every second (a scrape never waits on an actor), each
            // region answering on its own: wait for both regions this round touched.
            metrics = string.Empty;
            await Eventually.TrueAsync(
                async () =>
                {
                    metrics = await server.Http.GetStringAsync("/metrics");
                    return System.Text.RegularExpressions.Regex.IsMatch(metrics, @"(?m)^livecasino_actors_entities\{region=""table""\} [1-9]")
                        && System.Text.RegularExpressions.Regex.IsMatch(metrics, @"(?m)^livecasino_actors_entities\{region=""wallet""\} [1-9]");
                },
                "the table and wallet regions' entities in /metrics",
                TimeSpan.FromSeconds(15));
        }
        finally
        {
            await server.DisposeAsync(); // the exporter's last export happens at stop
        }

        Assert.Contains($"livecasino_rounds_settled_total{{game=\"roulette\",table=\"{table}\"}} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE livecasino_rounds_settlement_milliseconds histogram", metrics, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^livecasino_rounds_settlement_milliseconds_count\{game=""roulette""\} [1-9]\d*$", metrics);
        Assert.Matches(@"(?m)^livecasino_actors_entities\{region=""table""\} [1-9]\d*$", metrics);
        Assert.Matches(@"(?m)^livecasino_cluster_members\{status=""up""\} 1$", metrics);
        Assert.Matches(@"(?m)^livecasino_cluster_unreachable 0$", metrics);
        Assert.Matches(@"(?m)^livecasino_actors_entities\{region=""wallet""\} [1-9]\d*$", metrics);
        Assert.Matches(@"(?m)^livecasino_actors_shards\{region=""table""\} [1-9]\d*$", metrics);

        var roundId = $"{table}:{roundNo}";
        var spans = new List<(string Scope, JsonElement Span)>();
        while (!(spans.Any(s => s.Span.GetProperty("name").GetString() == "PlaceBet" && Attribute(s.Span, "livecasino.bet_id") == "b-otlp" && Attribute(s.Span, "livecasino.round_id") == roundId)
            && spans.Any(s => s.Span.GetProperty("name").GetString() == "SettleRound" && Attribute(s.Span, "livecasino.round_id") == roundId)))
        {
            var (path, _, body) = await receiver.NextAsync(); // fails after 10 s without a request
            Assert.Equal("/v1/traces", path);
            foreach (var scope in body.RootElement.GetProperty("resourceSpans")[0].GetProperty("scopeSpans").EnumerateArray())
            {
                var name = scope.GetProperty("scope").GetProperty("name").GetString()!;
                spans.AddRange(scope.GetProperty("spans").EnumerateArray().Select(s => (name, s.Clone())));
            }
        }

        var placeBet = spans.Single(s => s.Span.GetProperty("name").GetString() == "PlaceBet" && Attribute(s.Span, "livecasino.bet_id") == "b-otlp");
        Assert.Equal("LiveCasino.Server", placeBet.Scope);
        Assert.Equal((table, "accepted"), (Attribute(placeBet.Span, "livecasino.table_id"), Attribute(placeBet.Span, "livecasino.bet.outcome")));
        Assert.Equal(2, placeBet.Span.GetProperty("kind").GetInt32()); // SPAN_KIND_SERVER
        var settle = spans.Single(s => s.Span.GetProperty("name").GetString() == "SettleRound" && Attribute(s.Span, "livecasino.round_id") == roundId);
        Assert.Equal("LiveCasino.Tables", settle.Scope);
        Assert.Equal(("roulette", "1"), (Attribute(settle.Span, "livecasino.game"), Attribute(settle.Span, "livecasino.bets")));
    }

    private static string? Attribute(JsonElement span, string key) =>
        span.GetProperty("attributes").EnumerateArray().Where(a => a.GetProperty("key").GetString() == key)
            .Select(a => a.GetProperty("value").EnumerateObject().First().Value.ToString()).FirstOrDefault();
}
