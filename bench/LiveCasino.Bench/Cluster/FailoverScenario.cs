using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using LiveCasino.Bench.Common;
using LiveCasino.Bench.Load;
using LiveCasino.ClusterKit;
using LiveCasino.TestKit;

namespace LiveCasino.Bench.Cluster;

/// <summary>
/// failover: three node processes (scripts/cluster.sh: PostgreSQL, HAProxy) under player load, the
/// official SignalR client through the load balancer. In turn: kill -9 of the oldest member (every
/// shard coordinator runs there) with a table on it, a graceful leave of a member that hosts a table
/// but not the coordinators, and a fourth member joining. Resume is from the signal until every table that lived on the member
/// answers again through a survivor; the join is from the new member being ready until it hosts a
/// shard. Afterwards the books are read back: accepted bets missing or not resolved (lost), bets or
/// wallet operations found twice. The peer, in the same run: the kill on a cluster with Akka's
/// default failure detector, downing and sharding timings (what our cluster.conf tunes).
/// --quick: 3 tables, 2 players each, 2 bets a round, no peer. Options: --tables N (6)
/// --players-per-table N (4) --bets-per-round N (5).
/// </summary>
public static class FailoverScenario
{
    private static readonly string[] Columns = ["cluster", "disruption", "member", "tables moved", "resume s"];
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Akka 1.5.75's own values of every timing hocon/cluster.conf changes.</summary>
    private const string AkkaDefaults =
        "--akka:cluster:failure-detector:acceptable-heartbeat-pause=3s --akka:cluster:unreachable-nodes-reaper-interval=1s " +
        "--akka:cluster:leader-actions-interval=1s --akka:cluster:split-brain-resolver:stable-after=20s " +
        "--akka:cluster:down-removal-margin=off --akka:cluster:sharding:retry-interval=2s";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("failover", args.Quick);
        var tables = args.GetInt("tables", args.Quick ? 3 : 6);
        var playersPerTable = args.GetInt("players-per-table", args.Quick ? 2 : 4);
        var betsPerRound = args.GetInt("bets-per-round", args.Quick ? 2 : 5);
        var rows = new List<IReadOnlyList<string>>();
        var started = Stopwatch.GetTimestamp();

        await using var cluster = await LocalCluster.StartAsync(3);
        await using var load = await ClusterLoad.StartAsync(cluster, "bench", tables, playersPerTable, betsPerRound);
        var loadStarted = Stopwatch.GetTimestamp();

        var oldest = await load.AimAtOldestAsync();
        var kill = await DisruptAsync(cluster, load, oldest, graceful: false, () => cluster.KillNodeAsync(oldest));
        rows.Add(Row("ours", "kill -9", oldest, kill));
        await cluster.StartNodeAsync(oldest);

        // The restarted member rejoined as the youngest, so the oldest is another one now: leave with a
        // member that is not, as a scale-down would (the coordinators stay where they are).
        var leaver = await HostOtherThanAsync(cluster, load, await OldestAsync(cluster));
        var leave = await DisruptAsync(cluster, load, leaver, graceful: true, () => cluster.StopNodeAsync(leaver));
        rows.Add(Row("ours", "graceful leave", leaver, leave));
        await cluster.StartNodeAsync(leaver);

        await cluster.StartNodeAsync(4);
        var joinStarted = Stopwatch.GetTimestamp();
        await Eventually.TrueAsync(async () => await ShardsOnAsync(cluster, 4) > 0, "the fourth member taking a shard", ClusterLoad.Patience);
        var join = Stopwatch.GetElapsedTime(joinStarted).TotalSeconds;
        rows.Add(["ours", "join (ready to first shard)", "4", "-", Report.F(join, 1)]);

        var accepted = load.Players.Sum(p => p.Accepted.Count);
        var betsPerS = accepted / Stopwatch.GetElapsedTime(loadStarted).TotalSeconds;
        await load.FinishAsync();
        var audit = await Books.AuditAsync(cluster, load.Players, ClusterLoad.Deposit);

        double? peerKill = null;
        if (!args.Quick)
        {
            Console.Error.WriteLine("failover: the peer, a cluster on Akka's default timings");
            await using var peer = await LocalCluster.StartAsync(3, AkkaDefaults);
            await using var peerLoad = await ClusterLoad.StartAsync(peer, "peer", tables, 1);
            var peerOldest = await peerLoad.AimAtOldestAsync();
            var peerResult = await DisruptAsync(peer, peerLoad, peerOldest, graceful: false, () => peer.KillNodeAsync(peerOldest));
            rows.Add(Row("Akka defaults", "kill -9", peerOldest, peerResult));
            peerKill = peerResult.ResumeS;
            await peerLoad.FinishAsync();
        }

        Report.Table(Columns, rows);
        Console.WriteLine($"bets accepted while disrupted {accepted:N0} ({betsPerS:F0}/s); books after the last answers: {audit.AcceptedBets:N0} accepted bets checked, {audit.LostBets} lost, {audit.DoubleApplied} applied twice");
        foreach (var problem in audit.Problems.Take(10))
        {
            Console.WriteLine("  problem: " + problem);
        }

        if (peerKill is { } p)
        {
            Console.WriteLine($"kill -9 resume, Akka defaults / ours: {p / kill.ResumeS:F1}x");
        }

        var pairs = new (string, object)[]
        {
            ("kill_resume_s", Math.Round(kill.ResumeS, 1)), ("leave_resume_s", Math.Round(leave.ResumeS, 1)), ("join_rebalance_s", Math.Round(join, 1)),
            ("lost_bets", audit.LostBets), ("double_applied", audit.DoubleApplied), ("bets_per_s", Math.Round(betsPerS)),
        };
        WriteDoc(args, rows, accepted, audit, peerKill, kill.ResumeS, pairs, Stopwatch.GetElapsedTime(started));
        Report.Result("failover", pairs);
        return audit.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The tables on <paramref name="victim"/>, the signal, then the time until each of them answers through a survivor.</summary>
    private static async Task<Disruption> DisruptAsync(LocalCluster cluster, ClusterLoad load, int victim, bool graceful, Func<Task> signal)
    {
        var survivor = victim == 1 ? 2 : 1;
        var moved = new List<string>();
        foreach (var table in load.Tables)
        {
            if (await cluster.HostOfAsync("table", table, survivor) == victim)
            {
                moved.Add(table);
            }
        }

        if (moved.Count == 0)
        {
            throw new InvalidOperationException($"member {victim} hosts no table of the load ({string.Join(", ", load.Tables)}): nothing to time");
        }

        // The tables are asked while the signal runs (a graceful stop returns when the process has
        // exited, after its shards moved). A member that leaves answers for its tables until they
        // hand off, so there a table counts once a survivor hosts it; a killed one answers nothing.
        var start = Stopwatch.GetTimestamp();
        var signalled = signal();
        if (!graceful)
        {
            await signalled; // SIGKILL: the process is gone when the script returns
        }

        var answered = await Task.WhenAll(moved.Select(async table =>
        {
            await Eventually.TrueAsync(
                async () => (!graceful || await cluster.HostOfAsync("table", table, survivor) is { } host && host != victim)
                    && (await cluster.OperatorGetAsync($"/api/operator/tables/{table}", survivor)).Status == HttpStatusCode.OK,
                $"{table} answering again elsewhere",
                ClusterLoad.Patience);
            return Stopwatch.GetElapsedTime(start).TotalSeconds;
        }));
        await signalled;
        Console.Error.WriteLine($"failover: member {victim} went away; {moved.Count} table(s) answered again after {answered.Max():F1} s");
        return new Disruption(moved.Count, answered.Max());
    }

    private static async Task<int> OldestAsync(LocalCluster cluster)
    {
        var (status, body) = await cluster.OperatorGetAsync("/api/operator/cluster", 3);
        return status == HttpStatusCode.OK ? cluster.IndexOf((string)body!["oldest"]!) : throw new InvalidOperationException($"GET /api/operator/cluster answered {status}");
    }

    private static async Task<int> HostOtherThanAsync(LocalCluster cluster, ClusterLoad load, int other)
    {
        foreach (var table in load.Tables)
        {
            if (await cluster.HostOfAsync("table", table, 1) is { } host && host != other)
            {
                return host;
            }
        }

        throw new InvalidOperationException($"every table of the load runs on member {other}");
    }

    /// <summary>Shards <paramref name="member"/> hosts, of every region (moved to it, or allocated to it as the least loaded).</summary>
    private static async Task<int> ShardsOnAsync(LocalCluster cluster, int member)
    {
        var (status, body) = await cluster.OperatorGetAsync("/api/operator/cluster", 1);
        return status != HttpStatusCode.OK ? 0 : body!["regions"]!.AsArray()
            .SelectMany(r => r!["nodes"]!.AsArray())
            .Where(n => (string)n!["address"]! == cluster.NodeAddress(member))
            .Sum(n => (int)n!["shards"]!);
    }

    private static string[] Row(string which, string disruption, int member, Disruption d) =>
        [which, disruption, member.ToString(CultureInfo.InvariantCulture), d.Tables.ToString(CultureInfo.InvariantCulture), Report.F(d.ResumeS, 1)];

    private static void WriteDoc(BenchArgs args, List<IReadOnlyList<string>> rows, int accepted, BooksAudit audit, double? peerKill, double kill, (string, object)[] pairs, TimeSpan took)
    {
        var command = "dotnet run -c Release --project bench/LiveCasino.Bench -- failover" + (args.Quick ? " --quick" : string.Empty)
            + string.Concat(args.Options.Select(o => $" --{o.Key} {o.Value}"));
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## failover{(args.Quick ? " (quick)" : string.Empty)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}` (took {took.TotalSeconds:0} s; {Environment.ProcessorCount} cores)")
            .AppendLine()
            .AppendLine("Three node processes on PostgreSQL behind HAProxy (scripts/cluster.sh), players on every member betting through the official SignalR client, dealers running roulette rounds "
                + "with 3 s windows. Resume: from the signal until every table that lived on the member answers again through a survivor. Join: from the fourth member being ready until it hosts a shard (moved there, or allocated there as the least loaded member). "
                + "The peer is the same kill on a cluster with Akka's default timings (failure detector, split brain resolver, removal margin, sharding retry).")
            .AppendLine()
            .Append(BenchmarksDoc.Markdown(Columns, rows))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Books after the disruptions: {audit.AcceptedBets:N0} accepted bets checked ({accepted:N0} accepted), {audit.LostBets} lost, {audit.DoubleApplied} applied twice, {audit.Problems.Count} problems.")
            .AppendLine(peerKill is { } p ? string.Create(CultureInfo.InvariantCulture, $"Kill -9 resume, Akka defaults / ours: {p / kill:F1}x.") : "No peer run (--quick).")
            .AppendLine()
            .AppendLine("```")
            .AppendLine("RESULT failover " + string.Join(" ", pairs.Select(x => x.Item1 + "=" + Report.Plain(x.Item2))))
            .AppendLine("```");
        BenchmarksDoc.Write(Path.Combine(LoadRunner.RepositoryRoot(), "docs", "benchmarks.md"), "failover", body.ToString());
    }

    private sealed record Disruption(int Tables, double ResumeS);
}
