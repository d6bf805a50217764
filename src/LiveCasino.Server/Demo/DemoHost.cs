using System.Security.Cryptography;
using System.Text.Json;
using LiveCasino.Clients;
using LiveCasino.Hosting.Options;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Options;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Demo;

/// <summary>
/// Demo mode (<see cref="DemoOptions"/>): once the node listens, lists and configures a roulette, a
/// baccarat and a Dragon Tiger table of the demo studio, gives the studio one console per table (new
/// keys at each start, held in memory only), and runs in this process the same clients that
/// samples/ runs as separate processes: a <see cref="StudioDealer"/> per table connected to the
/// node's own <c>/hubs/dealer</c> over a WebSocket, and a few <see cref="PlayerBot"/>s on
/// <c>/hubs/player</c>, registered over REST (their passwords kept under the data directory).
/// Everything the demo does goes through the hubs and the API, as real clients would.
/// </summary>
public sealed partial class DemoHost(
    IOptions<DemoOptions> demo,
    IOptions<HttpEdgeOptions> http,
    IOptions<NodeOptions> node,
    IOptions<WalletApiOptions> wallets,
    TablesRuntime tables,
    ConsoleCredentials consoles,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The demo's tables: id, game, betting window.</summary>
    public static readonly IReadOnlyList<(string TableId, GameKind Game, TimeSpan Window)> Tables =
    [
        ("demo-roulette", GameKind.Roulette, TimeSpan.FromSeconds(15)),
        ("demo-baccarat", GameKind.Baccarat, TimeSpan.FromSeconds(12)),
        ("demo-dragontiger", GameKind.DragonTiger, TimeSpan.FromSeconds(10)),
    ];

    private readonly ILogger _log = loggers.CreateLogger<DemoHost>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = demo.Value;
        if (!o.Enabled)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        // Stop the clients as soon as the node starts stopping, before the server closes their connections.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        await RunDemoAsync(o, stopping.Token).ConfigureAwait(false);
    }

    private async Task RunDemoAsync(DemoOptions o, CancellationToken stoppingToken)
    {

        try
        {
            var baseAddress = BaseAddress();
            var seed = o.Seed ?? (int)(time.GetUtcNow().ToUnixTimeSeconds() % 1_000_000);
            await ConfigureTablesAsync(stoppingToken).ConfigureAwait(false);
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var runs = new List<Task>();
            if (o.Studio)
            {
                var keys = await ConsoleKeysAsync(stoppingToken).ConfigureAwait(false);
                for (var i = 0; i < Tables.Count; i++)
                {
                    var options = new StudioDealerOptions(baseAddress, keys[i].ConsoleId, keys[i].ApiKey, Tables[i].TableId)
                    {
                        Seed = seed + i, DuplicateReadRate = o.DuplicateReadRate, MistakeRate = o.MistakeRate, Pace = o.Pace,
                    };
                    runs.Add(new StudioDealer(options, client, time, loggers.CreateLogger("LiveCasino.Demo.Studio")).RunAsync(stoppingToken));
                }
            }

            var players = await PlayersAsync(stoppingToken).ConfigureAwait(false);
            for (var i = 0; i < players.Count; i++)
            {
                var options = new PlayerBotOptions(baseAddress, players[i].Username, players[i].Password, Tables[i % Tables.Count].TableId) { Seed = (seed * 100) + i };
                runs.Add(new PlayerBot(options, client, time, loggers.CreateLogger("LiveCasino.Demo.Players")).RunAsync(stoppingToken));
            }

            Started(_log, baseAddress, o.Studio ? Tables.Count : 0, players.Count);
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    private Uri BaseAddress()
    {
        if (!string.IsNullOrEmpty(demo.Value.Url))
        {
            return new Uri(demo.Value.Url);
        }

        var h = http.Value;
        var host = h.Host is "localhost" or "*" ? "localhost" : h.Host.Contains(':', StringComparison.Ordinal) ? "[" + h.Host + "]" : h.Host;
        return h.Port > 0 ? new Uri($"http://{host}:{h.Port}") : new Uri($"https://{host}:{h.HttpsPort}");
    }

    /// <summary>Lists and configures the demo tables that are not configured yet (a restart keeps them as they are).</summary>
    private async Task ConfigureTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var (tableId, game, window) in Tables)
        {
            if (tables.Feed(tableId) is { } feed)
            {
                var snapshot = await feed.SnapshotAsync(TimeSpan.FromSeconds(10)).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (snapshot.Config is not null)
                {
                    continue;
                }
            }

            var paced = TimeSpan.FromTicks(Math.Max(TableConfig.BettingWindowMin.Ticks, (long)(window.Ticks * demo.Value.Pace)));
            var config = new TableConfig(
                demo.Value.StudioId, game, wallets.Value.Currency, Paytables.DefaultFor(game), TableLimits.Default, paced, StreamDescriptor.None);
            var reply = await tables.ConfigureAsync(tableId, config, "demo", cancellationToken).ConfigureAwait(false);
            if (reply is not TableReply.CommandAccepted)
            {
                TableRefused(_log, tableId, reply.ToString());
            }
        }
    }

    /// <summary>One console per demo table: the studio's active consoles with fresh keys, plus new ones as needed.</summary>
    private async Task<List<IssuedConsoleKey>> ConsoleKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<IssuedConsoleKey>();
        var existing = (await consoles.ListAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.StudioId == demo.Value.StudioId && !c.Disabled);
        foreach (var console in existing.Take(Tables.Count))
        {
            if (await consoles.RotateAsync(console.ConsoleId, cancellationToken).ConfigureAwait(false) is { } key)
            {
                keys.Add(key);
            }
        }

        while (keys.Count < Tables.Count)
        {
            keys.Add(await consoles.CreateAsync(demo.Value.StudioId, cancellationToken).ConfigureAwait(false));
        }

        return keys;
    }

    /// <summary>The demo players' names and passwords, made once and kept in <c>demo/players.json</c> under the data directory (owner-only).</summary>
    private async Task<List<DemoPlayer>> PlayersAsync(CancellationToken cancellationToken)
    {
        var count = demo.Value.Players;
        var directory = Path.Combine(Path.GetFullPath(node.Value.DataDirectory), "demo");
        var file = Path.Combine(directory, "players.json");
        var players = File.Exists(file)
            ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), DemoJsonContext.Default.ListDemoPlayer) ?? []
            : [];
        if (players.Count >= count)
        {
            return players.Take(count).ToList();
        }

        for (var i = players.Count; i < count; i++)
        {
            players.Add(new DemoPlayer($"demo-player-{i + 1}", Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))));
        }

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(players, DemoJsonContext.Default.ListDemoPlayer), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return players;
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Demo running through {BaseAddress}: {Dealers} simulated dealers on /hubs/dealer, {Players} players on /hubs/player")]
    private static partial void Started(ILogger logger, Uri baseAddress, int dealers, int players);

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Demo table {TableId} was not configured: {Reply}")]
    private static partial void TableRefused(ILogger logger, string tableId, string reply);
}
