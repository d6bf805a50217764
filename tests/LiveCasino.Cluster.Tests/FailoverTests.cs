using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LiveCasino.Cluster.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Cluster.Tests;

/// <summary>One three-node cluster (real processes, PostgreSQL, HAProxy) for the failover cases.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public LocalCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await LocalCluster.StartAsync(3);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>
/// The cluster under load while a node leaves, dies, joins, or the whole cluster restarts: players
/// on every node bet on tables hosted elsewhere, dealers run rounds whose windows close by the
/// server's timer. After each case the books are checked (<see cref="Books"/>): accepted bets
/// settled once, refused ones released, no operation twice, trial balance zero; the moved table's
/// rounds went on and the players kept receiving its events (gaps resynced, reconnects joined again).
/// </summary>
public sealed class FailoverTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const long Deposit = 100_000;
    private const int Tables = 3;
    private const int PlayersPerTable = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private LocalCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_graceful_leave_of_the_node_hosting_a_table_mid_window_loses_nothing()
    {
        await using var load = await Load.StartAsync(Cluster, "leave");
        var victim = await load.HostOfTargetAsync();
        await load.WaitForBettingOpenAsync();
        var disruptedRound = await load.TargetRoundAsync();
        var signal = Stopwatch.GetTimestamp();
        await Cluster.StopNodeAsync(victim);

        await load.RoundsGoOnAsync(disruptedRound, signal, victim);
        await load.FinishAndCheckAsync();
        await Cluster.StartNodeAsync(victim);
    }

    [Fact]
    public async Task A_kill_of_the_node_hosting_a_table_with_bets_in_flight_loses_nothing_and_applies_nothing_twice()
    {
        await using var load = await Load.StartAsync(Cluster, "kill");
        var victim = await load.HostOfTargetAsync();
        await load.WaitForBettingOpenAsync();
        var disruptedRound = await load.TargetRoundAsync();
        var signal = Stopwatch.GetTimestamp();
        await Cluster.KillNodeAsync(victim);

        await load.RoundsGoOnAsync(disruptedRound, signal, victim);
        await load.FinishAndCheckAsync();
        await Cluster.StartNodeAsync(victim);
    }

    [Fact]
    public async Task A_fourth_node_joining_under_load_takes_shards_and_loses_nothing()
    {
        await using var load = await Load.StartAsync(Cluster, "join");
        var disruptedRound = await load.TargetRoundAsync();
        var signal = Stopwatch.GetTimestamp();
        await Cluster.StartNodeAsync(4);
        await Eventually.TrueAsync(
            async () =>
            {
                var (status, body) = await Cluster.OperatorGetAsync("/api/operator/cluster", 1);
                return status == HttpStatusCode.OK && body!["regions"]!.AsArray()
                    .Any(r => (string)r!["region"]! == "wallet" && r["nodes"]!.AsArray().Any(n => (string)n!["address"]! == Cluster.NodeAddress(4) && (int)n["shards"]! > 0));
            },
            "the new node hosting shards",
            Patience);

        await load.RoundsGoOnAsync(disruptedRound, signal, victim: null);
        await load.FinishAndCheckAsync();
        await Cluster.StopNodeAsync(4);
    }

    [Fact]
    public async Task The_whole_cluster_stopping_and_starting_again_resumes_every_table_and_loses_nothing()
    {
        await using var load = await Load.StartAsync(Cluster, "restart");
        await load.WaitForBettingOpenAsync();
        var disruptedRound = await load.TargetRoundAsync();
        var signal = Stopwatch.GetTimestamp();
        await Task.WhenAll(Cluster.KillNodeAsync(1), Cluster.KillNodeAsync(2), Cluster.KillNodeAsync(3));
        await Cluster.StartNodeAsync(1);
        await Cluster.StartNodeAsync(2);
        await Cluster.StartNodeAsync(3);

        await load.RoundsGoOnAsync(disruptedRound, signal, victim: 0);
        await load.FinishAndCheckAsync();
    }

    /// <summary>Tables, their dealers and players of one case; the first table is the one a case aims at.</summary>
    private sealed class Load : IAsyncDisposable
    {
        private readonly LocalCluster _cluster;
        private readonly List<string> _tables;
        private readonly List<ClusterDealer> _dealers = [];
        private readonly List<ClusterPlayer> _players = [];

        private Load(LocalCluster cluster, List<string> tables)
        {
            _cluster = cluster;
            _tables = tables;
        }

        private string Target => _tables[0];

        public static async Task<Load> StartAsync(LocalCluster cluster, string name)
        {
            for (var node = 1; node <= 3; node++)
            {
                await cluster.StartNodeAsync(node);
            }

            var op = await cluster.OperatorTokenAsync();
            var tables = Enumerable.Range(1, Tables).Select(i => $"{name}-t{i}").ToList();
            foreach (var table in tables)
            {
                using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/operator/tables/{table}")
                {
                    Content = JsonContent.Create(new { studioId = "cluster-studio", game = "roulette", currency = "EUR", bettingWindowMs = 3_000, limits = new { spotMin = 100, spotMax = 10_000 } }),
                };
                put.Headers.Authorization = new("Bearer", op);
                using var response = await cluster.Http.SendAsync(put);
                await LocalCluster.ExpectAsync(response, HttpStatusCode.Created);
            }

            var load = new Load(cluster, tables);
            for (var i = 0; i < Tables * PlayersPerTable; i++)
            {
                load._players.Add(await ClusterPlayer.StartAsync(cluster, $"{name}-p{i}", tables[i % Tables], Deposit));
            }

            Assert.True(load._players.Select(p => p.Node).Distinct().Count() >= 2, "the load balancer spread the players over the nodes: " + string.Join(", ", load._players.Select(p => p.Node)));
            foreach (var table in tables)
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

        public async Task FinishAndCheckAsync()
        {
            await Task.WhenAll(_dealers.Select(d => d.FinishAsync()));
            await Task.WhenAll(_players.Select(p => p.StopBettingAsync()));
            Assert.True(_players.Sum(p => p.Accepted.Count) >= Tables * PlayersPerTable, "players had bets accepted");
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
}
