using System.Globalization;
using System.Runtime.InteropServices;
using LiveCasino.Clients;
using Microsoft.Extensions.Logging;

// Player bots as a separate process: each registers (or logs in), deposits through the payment
// provider, joins a table over /hubs/player and bets in most rounds. See docs/protocol.md.
const string usage = """
    usage: PlayerBots --url http://localhost:5080 [--players 5] [--table TABLE_ID] [--prefix bot]
                      [--password PASSWORD] [--seed N] [--seconds N]
    Bots are named PREFIX-1..N; an existing bot logs in with the same password. Without --table each
    bot picks a table from the lobby. Ctrl+C (or --seconds) stops them and prints what they did.
    """;

CommandLine line;
try
{
    line = new CommandLine(args, ["url", "players", "table", "prefix", "password", "seed", "seconds"]);
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
if (line.Integer("seconds", 0) is > 0 and var seconds)
{
    stop.CancelAfter(TimeSpan.FromSeconds(seconds));
}

using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
var log = loggers.CreateLogger("Bots");
var baseAddress = new Uri(line.Required("url"));
using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
var seed = line.Integer("seed", Environment.TickCount);
var prefix = line.Text("prefix") ?? "bot";
var password = line.Text("password") ?? "bots-sample-password";
var bots = Enumerable.Range(1, Math.Clamp(line.Integer("players", 5), 1, 1_000))
    .Select(i => new PlayerBot(
        new PlayerBotOptions(baseAddress, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}"), password, line.Text("table")) { Seed = seed + i },
        http,
        TimeProvider.System,
        log))
    .ToList();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bots.Count} bots on {baseAddress}; Ctrl+C to stop"));
var runs = Task.WhenAll(bots.Select(b => b.RunAsync(stop.Token)));
while (!runs.IsCompleted)
{
    await Task.WhenAny(runs, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bets accepted {bots.Sum(b => b.Bets)}, net result {bots.Sum(b => b.Net)} (minor units)"));
}

return 0;
