using System.Net;
using System.Text.Json.Nodes;
using LiveCasino.TestKit;

namespace LiveCasino.ClusterKit;

/// <summary>
/// The checks after a disruption, read back through the load balancer from the shared journal:
/// every bet a player was told was accepted is settled or voided exactly once, every other bet that
/// reserved money was released, no wallet operation appears twice, nothing stays reserved, each
/// balance adds up, and the ledger's trial balance is zero.
/// </summary>
public static class Books
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Fails with every problem found.</summary>
    public static async Task CheckAsync(LocalCluster cluster, IReadOnlyList<ClusterPlayer> players, long deposit)
    {
        var audit = await AuditAsync(cluster, players, deposit);
        Assert.True(audit.Problems.Count == 0, string.Join("\n", audit.Problems));
    }

    /// <summary>Reads the books back and counts what is wrong (a benchmark reports it; a test fails on it).</summary>
    public static async Task<BooksAudit> AuditAsync(LocalCluster cluster, IReadOnlyList<ClusterPlayer> players, long deposit)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(players);
        var problems = new List<string>();
        var (accepted, lost, twice) = (0, 0, 0);
        foreach (var player in players)
        {
            if (!player.Unanswered.IsEmpty)
            {
                problems.Add($"{player.Name} got no answer for {string.Join(", ", player.Unanswered.Select(u => $"{u.Key} ({u.Value})"))}");
            }

            List<JsonObject> bets = [];
            try
            {
                await Eventually.TrueAsync(
                    async () =>
                    {
                        bets = await BetsAsync(cluster, player.Token);
                        return bets.All(b => (string)b["status"]! != "reserved")
                            && player.Accepted.Keys.All(id => bets.Any(b => (string?)b["betId"] == id));
                    },
                    $"{player.Name}'s bets all resolved",
                    Patience);
            }
            catch (ProbeException e)
            {
                problems.Add(e.Message);
            }

            foreach (var (betId, stake) in player.Accepted)
            {
                accepted++;
                var mine = bets.Where(b => (string?)b["betId"] == betId).ToList();
                if (mine.Count != 1 || (string)mine[0]["status"]! is not ("settled" or "voided") || (long)mine[0]["stakeMinor"]! != stake)
                {
                    // Twice in the books is applied twice; anything else (missing, unresolved, another stake) is lost.
                    (lost, twice) = mine.Count > 1 ? (lost, twice + 1) : (lost + 1, twice);
                    problems.Add($"{player.Name}'s accepted bet {betId} ({stake}) is in the books as: {string.Join(", ", mine.Select(b => b.ToJsonString()))}");
                }
            }

            foreach (var bet in bets.Where(b => !player.Accepted.ContainsKey((string?)b["betId"] ?? string.Empty) && (string)b["status"]! is not ("voided" or "expired")))
            {
                problems.Add($"{player.Name}'s bet {bet.ToJsonString()} was never accepted (refused: {(player.Refused.TryGetValue((string?)bet["betId"] ?? string.Empty, out var why) ? why : "no answer recorded")}) but is {(string)bet["status"]!}");
            }

            var operations = await OperationsAsync(cluster, player.Token);
            var repeated = operations.GroupBy(o => o).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            twice += repeated.Count;
            if (repeated.Count > 0)
            {
                problems.Add($"{player.Name}'s wallet applied {string.Join(", ", repeated)} twice");
            }

            var balance = await GetAsync(cluster, "/api/wallet", player.Token);
            var net = bets.Where(b => (string)b["status"]! == "settled").Sum(b => (long)b["netMinor"]!);
            if ((long)balance["pendingDebitsMinor"]! != 0 || (long)balance["postedMinor"]! != (long)balance["availableMinor"]! || (long)balance["postedMinor"]! != deposit + net)
            {
                problems.Add($"{player.Name}'s balance {balance.ToJsonString()} is not the deposit {deposit} plus the net {net} of its settled bets, with nothing reserved");
            }
        }

        var trial = await GetAsync(cluster, "/api/operator/ledger/trial-balance", await cluster.OperatorTokenAsync());
        if (!(bool)trial["balanced"]!)
        {
            problems.Add("trial balance: " + trial.ToJsonString());
        }

        return new BooksAudit(accepted, lost, twice, problems);
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

/// <summary>
/// What the books show after a load: bets players were told were accepted, those missing from the
/// books (lost), bets or wallet operations found more than once (applied twice), and every problem.
/// </summary>
public sealed record BooksAudit(int AcceptedBets, int LostBets, int DoubleApplied, IReadOnlyList<string> Problems);
