using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Load;

/// <summary>
/// betstorm: N players, each on its own hub connection, betting in one round's window through the
/// real player hub (PlaceBet: table actor, wallet reservation, group-committed SQLite journal) at a
/// fixed offered rate, open loop; latency from each bet's scheduled send time to its reply.
/// --quick: 1,000 players, 3 s at 20,000 bets/s. Options: --players N --bet-rate R --seconds S.
/// </summary>
public static class BetstormScenario
{
    private static readonly string[] Columns =
        ["players", "offered/s", "sent", "accepted", "accepted/s", "rejected", "timed out", "p50 ms", "p99 ms", "max ms", "server CPU s", "client CPU s"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("betstorm", args.Quick);
        var root = LoadRunner.RepositoryRoot();
        using var doc = await LoadRunner.RunAsync(root, "betstorm", args.Quick, args.Options).ConfigureAwait(false);
        var r = doc.RootElement.GetProperty("rows")[0];
        var row = new[]
        {
            Report.N(D(r, "players")), Report.N(D(r, "offeredPerS")), Report.N(D(r, "sent")), Report.N(D(r, "accepted")), Report.N(D(r, "acceptedPerS")),
            Report.N(D(r, "rejected")), Report.N(D(r, "timedOut")), Report.F(D(r, "p50"), 1), Report.F(D(r, "p99"), 1), Report.F(D(r, "max"), 1),
            Report.F(D(r, "serverCpuS")), Report.F(D(r, "clientCpuS")),
        };
        Report.Table(Columns, [row]);
        var rejections = string.Join(", ", r.GetProperty("rejections").EnumerateObject().Where(p => p.Value.GetDouble() > 0).Select(p => $"{p.Name} {p.Value.GetDouble():0}"));
        if (rejections.Length > 0)
        {
            Console.WriteLine("rejections: " + rejections);
        }

        var errors = (long)(D(r, "rejected") + D(r, "timedOut"));
        var pairs = new (string, object)[] { ("bets_per_s", Math.Round(D(r, "acceptedPerS"))), ("p99_ms", Math.Round(D(r, "p99"), 1)), ("errors", errors) };
        var command = "dotnet run -c Release --project bench/LiveCasino.Bench -- betstorm" + (args.Quick ? " --quick" : string.Empty)
            + string.Concat(args.Options.Select(o => $" --{o.Key} {o.Value}"));
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## betstorm{(args.Quick ? " (quick)" : string.Empty)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}` (took {D(doc.RootElement, "elapsedS"):0} s)")
            .AppendLine()
            .AppendJoin("\n", MachineFacts.Describe(doc.RootElement.GetProperty("machine")).Select(f => "- " + f)).AppendLine()
            .AppendLine()
            .AppendLine("One roulette table, one open round; every player has its own hub connection and wallet. Bets (one line, 1.00 on red) are sent open loop at the offered rate, "
                + "spread over the players; latency is from each bet's scheduled send time to its `PlaceBet` reply (accepted after the table and the wallet have written to the group-committed SQLite journal). "
                + "A warm-up burst in the same round is not counted. Errors: rejected plus unanswered bets.")
            .AppendLine()
            .Append(BenchmarksDoc.Markdown(Columns, [row]))
            .AppendLine()
            .AppendLine(rejections.Length > 0 ? "Rejections: " + rejections : "No rejections.")
            .AppendLine()
            .AppendLine("```")
            .AppendLine("RESULT betstorm " + string.Join(" ", pairs.Select(p => p.Item1 + "=" + Report.Plain(p.Item2))))
            .AppendLine("```");
        BenchmarksDoc.Write(Path.Combine(root, "docs", "benchmarks.md"), "betstorm", body.ToString());
        Report.Result("betstorm", pairs);
        return 0;
    }

    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();
}
