using System.Net;
using System.Text.Json.Nodes;
using LiveCasino.TestKit;

namespace LiveCasino.Cluster.Tests.Support;

/// <summary>
/// The checks after a disruption, read back through the load balancer from the shared journal:
/// every bet a player was told was accepted is settled or voided exactly once, every other bet that
/// reserved money was released, no wallet operation appears twice, nothing stays reserved, each
/// balance adds up, and the ledger's trial balance is zero.
/// </summary>
public static class Books
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task CheckAsync(LocalCluster cluster, IReadOnlyList<ClusterPlayer> players, long deposit)
    {
        foreach (var player in players)
        {
            Assert.True(player.Unanswered.IsEmpty, $"{player.Name} got no answer for {string.Join(", ", player.Unanswered.Select(u => $"{u.Key} ({u.Value})"))}");
            List<JsonObject> bets = [];
            await Eventually.TrueAsync(
                async () =>
                {
                    bets = await BetsAsync(cluster, player.Token);
                    return bets.All(b => (string)b["status"]! != "reserved")
                        && player.Accepted.Keys.All(id => bets.Any(b => (string?)b["betId"] == id));
                },
                $"{player.Name}'s bets all resolved",
                Patience);

            foreach (var (betId, stake) in player.Accepted)
            {
                var mine = bets.Where(b => (string?)b["betId"] == betId).ToList();
                var bet = Assert.Single(mine);
                Assert.Contains((string)bet["status"]!, new[] { "settled", "voided" });
                Assert.Equal(stake, (long)bet["stakeMinor"]!);
            }

            foreach (var bet in bets.Where(b => !player.Accepted.ContainsKey((string?)b["betId"] ?? string.Empty)))
            {
                Assert.True((string)bet["status"]! is "voided" or "expired", $"{player.Name}'s bet {bet.ToJsonString()} was never accepted (refused: {(player.Refused.TryGetValue((string?)bet["betId"] ?? string.Empty, out var why) ? why : "no answer recorded")}) but is {(string)bet["status"]!}");
            }

            var operations = await OperationsAsync(cluster, player.Token);
            var twice = operations.GroupBy(o => o).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{player.Name}'s wallet applied {string.Join(", ", twice)} twice");

            var balance = await GetAsync(cluster, "/api/wallet", player.Token);
            Assert.Equal(0, (long)balance["pendingDebitsMinor"]!);
            Assert.Equal((long)balance["postedMinor"]!, (long)balance["availableMinor"]!);
            var net = bets.Where(b => (string)b["status"]! == "settled").Sum(b => (long)b["netMinor"]!);
            Assert.Equal(deposit + net, (long)balance["postedMinor"]!);
        }

        var trial = await GetAsync(cluster, "/api/operator/ledger/trial-balance", await cluster.OperatorTokenAsync());
        Assert.True((bool)trial["balanced"]!, "trial balance: " + trial.ToJsonString());
    }

    private static async Task<List<JsonObject>> BetsAsync(LocalCluster cluster, string token)
    {
        var all = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var body = await GetAsync(cluster, $"/api/me/bets?page={page}&pageSize=100", token);
            all.AddRange(body["items"]!.AsArray().Select(i => i!.AsObject()));
            if (!(bool)body["hasMore"]!)
            {
                return all;
            }
        }
    }

    /// <summary>Every (kind, operation id) of the wallet's history.</summary>
    private static async Task<List<string>> OperationsAsync(LocalCluster cluster, string token)
    {
        var all = new List<string>();
        long? before = null;
        while (true)
        {
            var body = await GetAsync(cluster, "/api/wallet/transactions?pageSize=100" + (before is { } b ? $"&before={b}" : string.Empty), token);
            all.AddRange(body["items"]!.AsArray().Where(i => (string?)i!["operationId"] is not null).Select(i => $"{(string)i!["kind"]!}:{(string)i["operationId"]!}"));
            before = (long?)body["nextBefore"];
            if (before is null)
            {
                return all;
            }
        }
    }

    private static async Task<JsonObject> GetAsync(LocalCluster cluster, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await cluster.Http.SendAsync(request);
        return await LocalCluster.ExpectAsync(response, HttpStatusCode.OK);
    }
}
