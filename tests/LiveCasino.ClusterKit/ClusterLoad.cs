using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LiveCasino.TestKit;

namespace LiveCasino.ClusterKit;

/// <summary>
/// Tables, their dealers and players on a running cluster, for one disruption (a test case or a
/// benchmark phase); the first table is the one a disruption aims at. Players on every node bet on
/// tables hosted elsewhere; dealers run rounds whose windows close by the server's timer.
/// </summary>
public sealed class ClusterLoad : IAsyncDisposable
{
    /// <summary>Each player's deposit before the load starts.</summary>
    public const long Deposit = 100_000;

    /// <summary>How long each wait of a disruption lasts at most.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly LocalCluster _cluster;
    private readonly List<string> _tables;
    private readonly List<ClusterDealer> _dealers = [];
    private readonly List<ClusterPlayer> _players = [];

    private ClusterLoad(LocalCluster cluster, List<string> tables)
    {
        _cluster = cluster;
        _tables = tables;
    }

    /// <summary>The table a disruption aims at.</summary>
    public string Target => _tables[0];

    /// <summary>The tables, the target first.</summary>
    public IReadOnlyList<string> Tables => _tables;

    public IReadOnlyList<ClusterPlayer> Players => _players;

    public static async Task<ClusterLoad> StartAsync(LocalCluster cluster, string name, int tables = 3, int playersPerTable = 2, int betsPerRound = 1)
    {
        for (var node = 1; node <= 3; node++)
        {
            await cluster.StartNodeAsync(node);
        }

        var op = await cluster.OperatorTokenAsync();
        ArgumentOutOfRangeException.ThrowIfLessThan(tables, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(playersPerTable, 1);
        var tableIds = Enumerable.Range(1, tables).Select(i => $"{name}-t{i}").ToList();
        foreach (var table in tableIds)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/operator/tables/{table}")
            {
                Content = JsonContent.Create(new { studioId = "cluster-studio", game = "roulette", currency = "EUR", bettingWindowMs = 3_000, limits = new { spotMin = 100, spotMax = 10_000 } }),
            };
            put.Headers.Authorization = new("Bearer", op);
            using var response = await cluster.Http.SendAsync(put);
            await LocalCluster.ExpectAsync(response, HttpStatusCode.Created);
        }

        var load = new ClusterLoad(cluster, tableIds);
        for (var i = 0; i < tables * playersPerTable; i++)
        {
            load._players.Add(await ClusterPlayer.StartAsync(cluster, $"{name}-p{i}", tableIds[i % tables], Deposit, betsPerRound));
        }

        Assert.True(load._players.Select(p => p.Node).Distinct().Count() >= 2, "the load balancer spread the players over the nodes: " + string.Join(", ", load._players.Select(p => p.Node)));
        foreach (var table in tableIds)
        {
            load._dealers.Add(await ClusterDealer.StartAsync(cluster, "cluster-studio", table));
        }

        await Eventually.TrueAsync(() => load._dealers.All(d => d.SettledRounds >= 1), "a round settled on every table before the case", Patience);
        return load;
    }

    public async Task<int> HostOfTargetAsync()
    {
        int? host = null;
        await Eventually.TrueAsync(async () => (host = await _cluster.HostOfAsync("table", Target, 1)) is not null, "the target table's node", Patience);
        return host!.Value;
    }

    /// <summary>
    /// The oldest member, the hardest to lose (it runs every region's shard coordinator, and holds
    /// entities of every region); a table it hosts, if any, becomes the target.
    /// </summary>
    public async Task<int> AimAtOldestAsync()
    {
        var (status, body) = await _cluster.OperatorGetAsync("/api/operator/cluster", 1);
        Assert.Equal(HttpStatusCode.OK, status);
        var oldest = _cluster.IndexOf((string)body!["oldest"]!);
        foreach (var table in _tables.ToList())
        {
            if (await _cluster.HostOfAsync("table", table, 1) == oldest)
            {
                _tables.Remove(table);
                _tables.Insert(0, table);
                break;
            }
        }

        return oldest;
    }

    public async Task<long> TargetRoundAsync()
    {
        var (status, state) = await _cluster.OperatorGetAsync($"/api/operator/tables/{Target}");
        Assert.Equal(HttpStatusCode.OK, status);
        return (long)state!["roundNo"]!;
    }

    public Task WaitForBettingOpenAsync() => Eventually.TrueAsync(
        async () =>
        {
            var (status, state) = await _cluster.OperatorGetAsync($"/api/operator/tables/{Target}");
            return status == HttpStatusCode.OK && (string)state!["phase"]! == "bettingOpen"
                && (DateTimeOffset)state["closesAt"]! - (DateTimeOffset)state["serverNow"]! > TimeSpan.FromSeconds(1.5);
        },
        "the target table in the first half of its betting window",
        Patience);

    /// <summary>
    /// Every table settles two more rounds after the one under way at the signal (whose window the
    /// server's timer closed, wherever the table was), and every player, on any node, receives its
    /// table's events after the signal. <paramref name="victim"/>: the node that went away (0: all).
    /// </summary>
    public async Task RoundsGoOnAsync(long disruptedRound, long signal, int? victim)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    var done = true;
                    foreach (var table in _tables)
                    {
                        var (status, state) = await _cluster.OperatorGetAsync($"/api/operator/tables/{table}");
                        states[table] = $"{(int)status} {state?.ToJsonString()}";
                        done &= status == HttpStatusCode.OK && (long)state!["roundNo"]! >= disruptedRound + 2 && (bool)state["chainIntact"]!;
                    }

                    return done;
                },
                $"every table two rounds past round {disruptedRound}",
                Patience);
        }
        catch (ProbeException e)
        {
            throw new ProbeException($"{e.Message} Tables: {string.Join(" | ", states.Select(s => $"{s.Key}: {s.Value}"))}. Dealer trouble: {string.Join(" | ", _dealers.SelectMany(d => d.Trouble).TakeLast(8))}");
        }

        await Eventually.TrueAsync(
            () => _players.All(p => p.LastEventAt > signal),
            "every player receiving its table's events after the signal: " + string.Join(", ", _players.Select(p => $"{p.Name}@{p.Node} events={p.Events} reconnects={p.Reconnects}")),
            Patience);

        if (victim is { } gone)
        {
            var moved = _players.Where(p => gone == 0 || p.Node == $"node-{gone}").ToList();
            Assert.All(moved, p => Assert.True(p.Reconnects >= 1, $"{p.Name} on {p.Node} reconnected through the load balancer"));
        }
    }

    /// <summary>Dealers finish their rounds and stop; players stop betting (every bet in flight answered first).</summary>
    public async Task FinishAsync()
    {
        await Task.WhenAll(_dealers.Select(d => d.FinishAsync()));
        await Task.WhenAll(_players.Select(p => p.StopBettingAsync()));
    }

    /// <summary><see cref="FinishAsync"/>, then the books (<see cref="Books.CheckAsync"/>).</summary>
    public async Task FinishAndCheckAsync()
    {
        await FinishAsync();
        Assert.True(_players.Sum(p => p.Accepted.Count) >= _players.Count, "players had bets accepted");
        await Books.CheckAsync(_cluster, _players, Deposit);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dealer in _dealers)
        {
            await dealer.DisposeAsync();
        }

        foreach (var player in _players)
        {
            await player.DisposeAsync();
        }
    }
}
