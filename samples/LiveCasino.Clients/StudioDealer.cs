using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Clients;

/// <summary>
/// A simulated studio console for one table, connected to <c>/hubs/dealer</c> exactly as a real
/// console is: logs in with its id and API key, binds the table, presses the dealer's buttons
/// (open round, change shoe, void) and sends raw readings of a wheel sensor or a shoe scanner
/// through the sensor stream, with realistic timing, occasional duplicate reads and mistakes.
/// Reconnects with backoff; a round it finds half-done after a reconnection is voided, as a shift
/// manager would. Used in-process by the node's demo and by samples/LiveCasino.StudioSimulator.
/// </summary>
public sealed partial class StudioDealer
{
    /// <summary>Two readings of the same content closer than the stream's repeat window (1.5 s) would be one read.</summary>
    private static readonly TimeSpan ReadingGapMin = TimeSpan.FromMilliseconds(1_600);
    private static readonly TimeSpan VerdictPatience = TimeSpan.FromSeconds(20);

    private readonly StudioDealerOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Random _random;
    private long _sequence;

    public StudioDealer(StudioDealerOptions options, HttpClient http, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = http;
        _time = time;
        _log = log;
        _random = new Random(options.Seed);

        // Reading sequence numbers must keep rising for the console's life, also across process restarts.
        _sequence = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>Rounds this dealer completed (settled or voided).</summary>
    public long Rounds { get; private set; }

    /// <summary>Runs the table until cancelled, reconnecting after failures (backoff 1 s to 30 s).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var api = new CasinoApi(_http, _time);
                var token = await api.ConsoleLoginAsync(_options.ConsoleId, _options.ApiKey, cancellationToken).ConfigureAwait(false);
                await using var hub = await HubConnection.ConnectAsync(_options.BaseAddress, "/hubs/dealer", token, cancellationToken).ConfigureAwait(false);
                var bind = await hub.InvokeObjectAsync("Bind", new JsonObject { ["tableId"] = _options.TableId }, cancellationToken).ConfigureAwait(false);
                if (bind["ok"]?.GetValue<bool>() != true)
                {
                    throw new InvalidOperationException($"bind refused: {(string?)bind["reason"]}");
                }

                var snapshot = bind["snapshot"]!.AsObject();
                Log.Bound(_log, _options.ConsoleId, _options.TableId, (string?)snapshot["game"] ?? "?");
                backoff = TimeSpan.FromSeconds(1);
                await RecoverAsync(hub, snapshot, cancellationToken).ConfigureAwait(false);
                if ((string?)snapshot["game"] == "roulette")
                {
                    await RunRouletteAsync(hub, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await RunCardsAsync(hub, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or HubInvocationException or System.Net.WebSockets.WebSocketException or InvalidOperationException or System.Text.Json.JsonException or IOException)
            {
                Log.Disconnected(_log, _options.TableId, e.Message, backoff.TotalSeconds);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    /// <summary>A round left half-done (a reconnection): void it unless it only waits for its timer or its settlement.</summary>
    private async Task RecoverAsync(HubConnection hub, JsonObject snapshot, CancellationToken cancellationToken)
    {
        var phase = (string?)snapshot["round"]?["phase"];
        var roundNo = (long?)snapshot["round"]?["roundNo"] ?? 0;
        if (phase == "bettingOpen")
        {
            await WaitBetsClosedAsync(hub, roundNo, cancellationToken).ConfigureAwait(false);
            phase = "bettingClosed";
        }

        if (phase is "bettingClosed" or "dealing")
        {
            var v = await ActAsync(hub, "VoidRound", new JsonObject { ["reason"] = "console reconnected mid-round" }, cancellationToken).ConfigureAwait(false);
            Log.Recovered(_log, _options.TableId, roundNo, (string?)v["reason"] ?? "voided");
        }
    }

    /// <summary>Waits for "no more bets" (the table's timer); presses the button if the event does not come.</summary>
    private async Task WaitBetsClosedAsync(HubConnection hub, long roundNo, CancellationToken cancellationToken)
    {
        var closed = await hub.WaitForAsync("betsClosed", e => (long?)e["roundNo"] == roundNo, TimeSpan.FromMinutes(6), _time, cancellationToken).ConfigureAwait(false);
        if (closed is null)
        {
            await ActAsync(hub, "CloseBets", new JsonObject(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A dealer button; answers the table's verdict.</summary>
    private async Task<JsonObject> ActAsync(HubConnection hub, string action, JsonObject argument, CancellationToken cancellationToken)
    {
        var verdict = await hub.InvokeObjectAsync(action, argument, cancellationToken).ConfigureAwait(false);
        if (verdict["accepted"]?.GetValue<bool>() != true)
        {
            Log.Refused(_log, _options.TableId, action, (string?)verdict["reason"] ?? "?", (string?)verdict["detail"] ?? string.Empty);
        }

        return verdict;
    }

    /// <summary>
    /// Sends one sensor reading and waits for its verdict (null when none came: the stream dropped it
    /// as a repeat, or the table did not answer). Sometimes sends it twice, as real sensors do.
    /// </summary>
    private async Task<JsonObject?> ReadAsync(HubConnection hub, string device, string payload, CancellationToken cancellationToken, string? misread = null)
    {
        var seq = ++_sequence;
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        string Line(string p) => string.Create(CultureInfo.InvariantCulture, $"{seq}|{at}|{device}|{p}");
        if (misread is not null)
        {
            // A misread line is refused by the parser; the scanner then sends the right one under the same number.
            await SensorAsync(hub, Line(misread), cancellationToken).ConfigureAwait(false);
        }

        await SensorAsync(hub, Line(payload), cancellationToken).ConfigureAwait(false);
        if (_random.NextDouble() < _options.DuplicateReadRate)
        {
            if (_random.Next(2) == 0)
            {
                await SensorAsync(hub, Line(payload), cancellationToken).ConfigureAwait(false); // a retransmit: same number
            }
            else
            {
                var again = ++_sequence; // the same card read twice: a new number, the same content
                await SensorAsync(hub, string.Create(CultureInfo.InvariantCulture, $"{again}|{at}|{device}|{payload}"), cancellationToken).ConfigureAwait(false);
            }
        }

        var verdict = await hub.WaitForAsync("readingVerdict", v => (long?)v["sequence"] == seq, VerdictPatience, _time, cancellationToken).ConfigureAwait(false);
        if (verdict is not null && verdict["accepted"]?.GetValue<bool>() != true)
        {
            Log.Refused(_log, _options.TableId, device + " " + payload, (string?)verdict["reason"] ?? "?", (string?)verdict["detail"] ?? string.Empty);
        }

        return verdict;
    }

    private async Task SensorAsync(HubConnection hub, string line, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var queued = await hub.InvokeObjectAsync("Sensor", new JsonObject { ["line"] = line }, cancellationToken).ConfigureAwait(false);
            if (queued["queued"]?.GetValue<bool>() == true)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException("the sensor stream stayed busy");
    }

    /// <summary>A pause of about <paramref name="seconds"/> (±25 %), scaled by the pace.</summary>
    private Task PauseAsync(double seconds, CancellationToken cancellationToken, bool betweenReadings = false)
    {
        var scaled = TimeSpan.FromSeconds(seconds * (0.75 + (_random.NextDouble() * 0.5)) * _options.Pace);
        if (betweenReadings && scaled < ReadingGapMin)
        {
            scaled = ReadingGapMin;
        }

        return Task.Delay(scaled, _time, cancellationToken);
    }

    private bool Mistake() => _random.NextDouble() < _options.MistakeRate;

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Console {ConsoleId} bound to {TableId} ({Game})")]
        public static partial void Bound(ILogger logger, string consoleId, string tableId, string game);

        [LoggerMessage(EventId = 901, Level = LogLevel.Warning, Message = "Studio {TableId}: connection lost ({Reason}); again in {Seconds} s")]
        public static partial void Disconnected(ILogger logger, string tableId, string reason, double seconds);

        [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Studio {TableId}: {Action} refused: {Reason} {Detail}")]
        public static partial void Refused(ILogger logger, string tableId, string action, string reason, string detail);

        [LoggerMessage(EventId = 903, Level = LogLevel.Information, Message = "Studio {TableId}: round {RoundNo} found half-done after a reconnection: {Outcome}")]
        public static partial void Recovered(ILogger logger, string tableId, long roundNo, string outcome);

        [LoggerMessage(EventId = 904, Level = LogLevel.Information, Message = "Studio {TableId}: round {RoundNo} {Outcome}")]
        public static partial void RoundDone(ILogger logger, string tableId, long roundNo, string outcome);

        [LoggerMessage(EventId = 905, Level = LogLevel.Information, Message = "Studio {TableId}: new shoe, {Burned} cards burned, cut card at {CutAt}")]
        public static partial void NewShoe(ILogger logger, string tableId, int burned, int cutAt);
    }
}
