using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveCasino.Bench.Common;

namespace LiveCasino.Bench.Load;

/// <summary>
/// fanout: N viewers on 1 and on 50 tables, each table emitting synthetic state events at a fixed
/// rate with the scheduled send time embedded, against the LiveCasino node (real player hub, feeds,
/// outboxes), a socket.io room broadcast server and a Colyseus room, same payload, same client
/// counts, same run. Latency is measured from the scheduled time. --quick: 2,000 viewers, 3 s.
/// Options pass through to bench/load/run.js (--viewers 1000,5000 --tables 1,50 --rate 10 --seconds 10 ...).
/// </summary>
public static class FanoutScenario
{
    private static readonly string[] Columns =
        ["server", "tables", "viewers", "delivered/s", "reach", "p50 ms", "p99 ms", "max ms", "server CPU s", "msgs per CPU-s", "KB/viewer", "client CPU s", "x per CPU-s", "p99 vs"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Report.Header("fanout", args.Quick);
        var root = LoadRunner.RepositoryRoot();
        using var doc = await LoadRunner.RunAsync(root, "fanout", args.Quick, args.Options).ConfigureAwait(false);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var table = rows.Select(r => Row(r, rows)).ToList();
        Report.Table(Columns, table);

        var ours = rows.Where(r => r.GetProperty("target").GetString() == "livecasino")
            .OrderByDescending(r => r.GetProperty("viewers").GetInt32()).ThenBy(r => r.GetProperty("tables").GetInt32()).First();
        var pairs = new (string, object)[]
        {
            ("viewers", ours.GetProperty("viewers").GetInt32()),
            ("delivered_per_s", Math.Round(D(ours, "deliveredPerS"))),
            ("p99_ms", Math.Round(D(ours, "p99"), 1)),
            ("reach", Math.Round(D(ours, "reach"), 4)),
            ("kb_per_viewer", Math.Round(D(ours, "kbPerViewer"), 1)),
            ("ratio_vs_socketio", Math.Round(Ratio(ours, rows, "socketio") ?? 0, 2)),
            ("ratio_vs_colyseus", Math.Round(Ratio(ours, rows, "colyseus") ?? 0, 2)),
        };
        var command = "dotnet run -c Release --project bench/LiveCasino.Bench -- fanout" + (args.Quick ? " --quick" : string.Empty)
            + string.Concat(args.Options.Select(o => $" --{o.Key} {o.Value}"));
        var p = doc.RootElement.GetProperty("params");
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## fanout{(args.Quick ? " (quick)" : string.Empty)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}` (took {D(doc.RootElement, "elapsedS"):0} s)")
            .AppendLine()
            .AppendJoin("\n", MachineFacts.Describe(doc.RootElement.GetProperty("machine")).Select(f => "- " + f)).AppendLine()
            .AppendLine()
            .AppendLine(FormattableString.Invariant($"Each table emits {p.GetProperty("rate").GetDouble()} events/s (staggered across tables), {p.GetProperty("warmup").GetInt32()} warm-up events then {p.GetProperty("ticks").GetInt32()} measured; payload `{{table, seq, at, phase, pad}}` with a {p.GetProperty("pad").GetInt32()}-character pad. ")
                + "Latency: client receive time minus the scheduled send time embedded in the event. Reach: measured events received / (viewers x measured events). "
                + "Server CPU from /proc over the whole emission; msgs per CPU-s counts every delivered event (warm-up too) per server CPU-second; KB/viewer: server RSS growth from before the clients connected to the peak during emission, per viewer. "
                + "x per CPU-s: LiveCasino's msgs per CPU-s over the peer's in the same case (> 1: LiveCasino does more per CPU-second); p99 vs: the peer's p99 over LiveCasino's (> 1: LiveCasino lower).")
            .AppendLine()
            .Append(BenchmarksDoc.Markdown(Columns, table))
            .AppendLine()
            .AppendLine("```")
            .AppendLine(ResultLine(pairs))
            .AppendLine("```");
        BenchmarksDoc.Write(Path.Combine(root, "docs", "benchmarks.md"), "fanout", body.ToString());
        Report.Result("fanout", pairs);
        return 0;
    }

    private static string ResultLine((string Key, object Value)[] pairs) =>
        "RESULT fanout " + string.Join(" ", pairs.Select(p => p.Key + "=" + Report.Plain(p.Value)));

    private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    private static JsonElement? Peer(JsonElement ours, List<JsonElement> rows, string kind) =>
        rows.Where(r => r.GetProperty("target").GetString() == kind
            && r.GetProperty("tables").GetInt32() == ours.GetProperty("tables").GetInt32()
            && r.GetProperty("viewers").GetInt32() == ours.GetProperty("viewers").GetInt32()).Cast<JsonElement?>().FirstOrDefault();

    /// <summary>LiveCasino's delivered messages per server CPU-second over the peer's, in the same case.</summary>
    private static double? Ratio(JsonElement ours, List<JsonElement> rows, string kind) =>
        Peer(ours, rows, kind) is { } peer ? D(ours, "perCpuS") / D(peer, "perCpuS") : null;

    private static string[] Row(JsonElement r, List<JsonElement> rows)
    {
        var target = r.GetProperty("target").GetString()!;
        string vs = "", p99 = "";
        if (target != "livecasino"
            && rows.FirstOrDefault(o => o.GetProperty("target").GetString() == "livecasino"
                && o.GetProperty("tables").GetInt32() == r.GetProperty("tables").GetInt32()
                && o.GetProperty("viewers").GetInt32() == r.GetProperty("viewers").GetInt32()) is { ValueKind: JsonValueKind.Object } ours)
        {
            vs = Report.F(D(ours, "perCpuS") / D(r, "perCpuS"));
            p99 = Report.F(D(r, "p99") / Math.Max(D(ours, "p99"), 0.01));
        }

        return
        [
            target, r.GetProperty("tables").GetInt32().ToString(CultureInfo.InvariantCulture), Report.N(r.GetProperty("viewers").GetInt32()),
            Report.N(D(r, "deliveredPerS")), Report.F(D(r, "reach"), 4), Report.F(D(r, "p50"), 1), Report.F(D(r, "p99"), 1), Report.F(D(r, "max"), 1),
            Report.F(D(r, "serverCpuS")), Report.N(D(r, "perCpuS")), Report.F(D(r, "kbPerViewer"), 1), Report.F(D(r, "clientCpuS")), vs, p99,
        ];
    }
}
