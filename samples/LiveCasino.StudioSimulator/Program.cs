using System.Runtime.InteropServices;
using LiveCasino.Clients;
using Microsoft.Extensions.Logging;

// A studio as a separate process: one simulated console per table, connected to the node's
// /hubs/dealer exactly as a real console (wheel sensor, shoe scanner, buttons). See docs/protocol.md.
const string usage = """
    usage:
      StudioSimulator --url http://localhost:5080 --console CONSOLE_ID:API_KEY --table TABLE_ID [options]
      StudioSimulator --url http://localhost:5080 --operator NAME:PASSWORD --studio STUDIO --tables T1,T2,... [options]
    options: --seed N  --duplicates 0.05  --mistakes 0.05  --pace 1.0 (0.5 = twice as fast)
    With --operator, a new console is created for each table (POST /api/operator/consoles).
    Run the node with --LiveCasino:Demo:Studio=false so its own demo dealers leave the tables to this one.
    """;

CommandLine line;
try
{
    line = new CommandLine(args, ["url", "console", "table", "operator", "studio", "tables", "seed", "duplicates", "mistakes", "pace"]);
    line.Required("url");
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}\n{usage}");
    return 64;
}

using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
var log = loggers.CreateLogger("Studio");
var baseAddress = new Uri(line.Required("url"));
using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
var time = TimeProvider.System;
var seed = line.Integer("seed", Environment.TickCount);

try
{
    var consoles = new List<(string ConsoleId, string ApiKey, string TableId)>();
    if (line.Text("operator") is { } op)
    {
        var (name, password) = Split(op, "--operator NAME:PASSWORD");
        var api = new CasinoApi(http, time);
        var token = await api.LoginAsync(name, password, stop.Token);
        foreach (var table in line.Required("tables").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (id, key) = await api.CreateConsoleAsync(token, line.Required("studio"), stop.Token);
            consoles.Add((id, key, table));
        }
    }
    else
    {
        var (id, key) = Split(line.Required("console"), "--console CONSOLE_ID:API_KEY");
        consoles.Add((id, key, line.Required("table")));
    }

    var dealers = consoles.Select((c, i) => new StudioDealer(
        new StudioDealerOptions(baseAddress, c.ConsoleId, c.ApiKey, c.TableId)
        {
            Seed = seed + i,
            DuplicateReadRate = line.Number("duplicates", 0.05),
            MistakeRate = line.Number("mistakes", 0.05),
            Pace = line.Number("pace", 1.0),
        },
        http,
        time,
        log)).ToList();
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Studio simulator: {dealers.Count} consoles on {baseAddress} (seed {seed}); Ctrl+C to stop"));
    await Task.WhenAll(dealers.Select(d => d.RunAsync(stop.Token)));
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Stopped after {dealers.Sum(d => d.Rounds)} rounds"));
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 0;
}
catch (Exception e) when (e is HttpRequestException or ArgumentException)
{
    await Console.Error.WriteLineAsync("error: " + e.Message);
    return 1;
}

static (string, string) Split(string value, string form)
{
    var at = value.IndexOf(':', StringComparison.Ordinal);
    return at > 0 ? (value[..at], value[(at + 1)..]) : throw new ArgumentException("expected " + form);
}
