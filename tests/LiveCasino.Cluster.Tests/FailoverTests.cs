using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LiveCasino.ClusterKit;
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
/// server's timer (<see cref="ClusterLoad"/>). After each case the books are checked (<see cref="Books"/>): accepted bets
/// settled once, refused ones released, no operation twice, trial balance zero; the moved table's
/// rounds went on and the players kept receiving its events (gaps resynced, reconnects joined again).
/// </summary>
public sealed class FailoverTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Patience = ClusterLoad.Patience;
    private LocalCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_graceful_leave_of_the_node_hosting_a_table_mid_window_loses_nothing()
    {
        await using var load = await ClusterLoad.StartAsync(Cluster, "leave");
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
    public async Task A_kill_of_the_oldest_node_with_bets_in_flight_loses_nothing_and_applies_nothing_twice()
    {
        await using var load = await ClusterLoad.StartAsync(Cluster, "kill");
        var victim = await load.AimAtOldestAsync();
        await load.WaitForBettingOpenAsync();
        var disruptedRound = await load.TargetRoundAsync();
        var signal = Stopwatch.GetTimestamp();
        await Cluster.KillNodeAsync(victim);

        await load.RoundsGoOnAsync(disruptedRound, signal, victim);
        await load.FinishAndCheckAsync();

        // A survivor's metrics tell the operator what happened: how long the member was unreachable
        // before its removal, and shards arriving there.
        var metrics = await Cluster.Http.GetStringAsync(new Uri(Cluster.NodeUri(victim == 1 ? 2 : 1), "/metrics"));
        Assert.Matches(@"(?m)^livecasino_cluster_unreachable_seconds_count\{outcome=""removed""\} [1-9]", metrics);
        Assert.Matches(@"(?m)^livecasino_actors_shard_moves_total\{[^}]*direction=""arrived""[^}]*\} [1-9]", metrics);
        await Cluster.StartNodeAsync(victim);
    }

    [Fact]
    public async Task A_fourth_node_joining_under_load_takes_shards_and_loses_nothing()
    {
        await using var load = await ClusterLoad.StartAsync(Cluster, "join");
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
        await using var load = await ClusterLoad.StartAsync(Cluster, "restart");
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
}
