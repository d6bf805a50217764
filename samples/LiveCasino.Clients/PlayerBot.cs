using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Clients;

/// <summary>What a player bot is and does.</summary>
/// <param name="TableId">The table to play; null picks one from the lobby.</param>
public sealed record PlayerBotOptions(Uri BaseAddress, string Username, string Password, string? TableId)
{
    public int Seed { get; init; } = 1;

    /// <summary>Deposited when the available balance falls below <see cref="TopUpBelow"/>.</summary>
    public long Deposit { get; init; } = 100_000;

    public long TopUpBelow { get; init; } = 5_000;

    /// <summary>Chance of sitting a round out.</summary>
    public double SkipRate { get; init; } = 0.2;
}

/// <summary>
/// A simulated player over REST and <c>/hubs/player</c>: registers (or logs in), deposits through
/// the payment provider when short, joins a table and bets a few chips in most rounds within the
/// table's limits, reading its payouts from the round events. Reconnects with backoff.
/// </summary>
public sealed partial class PlayerBot(PlayerBotOptions options, HttpClient http, TimeProvider time, ILogger log)
{
    private static readonly string[] RouletteSpots = ["red", "black", "odd", "even", "low", "high", "dozen:1", "dozen:2", "dozen:3", "column:1", "column:2", "column:3"];
    private static readonly string[] BaccaratSpots = ["player", "banker", "banker", "player", "tie", "player-pair"];
    private static readonly string[] DragonTigerSpots = ["dragon", "tiger", "dragon", "tiger", "tie"];

    private readonly Random _random = new(options.Seed);
    private int _deposits;
    private int _bets;

    /// <summary>Bets accepted so far.</summary>
    public int Bets => _bets;

    /// <summary>Net result of the settled rounds so far (minor units).</summary>
    public long Net { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var api = new CasinoApi(http, time);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await api.RegisterAsync(options.Username, options.Password, cancellationToken).ConfigureAwait(false);
                var token = await api.LoginAsync(options.Username, options.Password, cancellationToken).ConfigureAwait(false);
                await TopUpAsync(api, token, cancellationToken).ConfigureAwait(false);
                await using var hub = await HubConnection.ConnectAsync(options.BaseAddress, "/hubs/player", token, cancellationToken).ConfigureAwait(false);
                var tableId = options.TableId ?? await PickTableAsync(hub, cancellationToken).ConfigureAwait(false);
                var join = await hub.InvokeAsync("JoinTable", [JsonValue.Create(tableId)], cancellationToken).ConfigureAwait(false);
                if (join?["ok"]?.GetValue<bool>() != true)
                {
                    throw new InvalidOperationException($"join {tableId} refused: {(string?)join?["reason"]}");
                }

                backoff = TimeSpan.FromSeconds(1);
                await PlayAsync(api, token, hub, join["snapshot"]!.AsObject(), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or HubInvocationException or System.Net.WebSockets.WebSocketException or InvalidOperationException or System.Text.Json.JsonException or IOException)
            {
                Disconnected(log, options.Username, e.Message, backoff.TotalSeconds);
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task PlayAsync(CasinoApi api, string token, HubConnection hub, JsonObject snapshot, CancellationToken cancellationToken)
    {
        var tableId = (string)snapshot["tableId"]!;
        var game = (string?)snapshot["game"] ?? "roulette";
        var spotMin = (long?)snapshot["limits"]?["spotMin"] ?? 100;
        var lastRound = (long?)snapshot["round"]?["roundNo"] ?? 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var opened = await hub.WaitForAsync("roundOpened", e => (long)e["roundNo"]! > lastRound, TimeSpan.FromMinutes(10), time, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("no round opened for ten minutes");
            lastRound = (long)opened["roundNo"]!;
            if (_random.NextDouble() < options.SkipRate)
            {
                continue;
            }

            // Think for a while, but bet well before the window closes.
            var window = TimeSpan.FromMilliseconds((long?)opened["bettingWindowMs"] ?? 10_000);
            await Task.Delay(TimeSpan.FromMilliseconds(window.TotalMilliseconds * _random.NextDouble() * 0.5), time, cancellationToken).ConfigureAwait(false);
            var placed = 0;
            for (var i = 0; i < _random.Next(1, 4); i++)
            {
                var spot = Spot(game);
                var amount = spotMin * _random.Next(1, 6);
                var betId = string.Create(CultureInfo.InvariantCulture, $"r{lastRound}-{i}");
                var bet = new JsonObject
                {
                    ["tableId"] = tableId, ["roundNo"] = lastRound, ["betId"] = betId,
                    ["lines"] = new JsonArray(new JsonObject { ["spot"] = spot, ["amount"] = amount }),
                };
                var reply = await hub.InvokeObjectAsync("PlaceBet", bet, cancellationToken).ConfigureAwait(false);
                if ((string?)reply["outcome"] == "accepted")
                {
                    placed++;
                    Interlocked.Increment(ref _bets);
                }
                else if ((string?)reply["reason"] == "insufficientFunds")
                {
                    await TopUpAsync(api, token, cancellationToken).ConfigureAwait(false);
                    break;
                }
            }

            if (placed > 0)
            {
                var ended = await hub.WaitForAsync("roundSettled", e => (long)e["roundNo"]! == lastRound, TimeSpan.FromMinutes(5), time, cancellationToken).ConfigureAwait(false);
                Net += (long?)ended?["my"]?["net"] ?? 0;
            }
        }
    }

    private async Task TopUpAsync(CasinoApi api, string token, CancellationToken cancellationToken)
    {
        var (available, currency) = await api.BalanceAsync(token, cancellationToken).ConfigureAwait(false);
        if (available >= options.TopUpBelow)
        {
            return;
        }

        var operation = string.Create(CultureInfo.InvariantCulture, $"bot-{options.Username}-{time.GetUtcNow().ToUnixTimeSeconds()}-{++_deposits}");
        await api.DepositAsync(token, operation, options.Deposit, currency, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < 100 && (await api.BalanceAsync(token, cancellationToken).ConfigureAwait(false)).Available < options.TopUpBelow; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
        }

        Deposited(log, options.Username, options.Deposit, currency);
    }

    private async Task<string> PickTableAsync(HubConnection hub, CancellationToken cancellationToken)
    {
        var lobby = (await hub.InvokeAsync("ListTables", [], cancellationToken).ConfigureAwait(false))?.AsArray() ?? [];
        return lobby.Count == 0
            ? throw new InvalidOperationException("the lobby is empty")
            : (string)lobby[_random.Next(lobby.Count)]!["tableId"]!;
    }

    private string Spot(string game) => game switch
    {
        "baccarat" => BaccaratSpots[_random.Next(BaccaratSpots.Length)],
        "dragonTiger" => DragonTigerSpots[_random.Next(DragonTigerSpots.Length)],
        _ => _random.Next(4) == 0
            ? "straight:" + _random.Next(37).ToString(CultureInfo.InvariantCulture)
            : RouletteSpots[_random.Next(RouletteSpots.Length)],
    };

    [LoggerMessage(EventId = 920, Level = LogLevel.Warning, Message = "Player {Player}: connection lost ({Reason}); again in {Seconds} s")]
    private static partial void Disconnected(ILogger logger, string player, string reason, double seconds);

    [LoggerMessage(EventId = 921, Level = LogLevel.Information, Message = "Player {Player} deposited {Amount} {Currency}")]
    private static partial void Deposited(ILogger logger, string player, long amount, string currency);
}
