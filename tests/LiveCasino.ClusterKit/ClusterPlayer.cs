using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveCasino.ClusterKit;

/// <summary>
/// A player on the official SignalR client, connected through the load balancer (which keeps it on
/// one node by cookie). It bets once on every round of its table that it sees open, repeating a
/// bet with the same bet id until it gets a definite answer (the failover window), and keeps the
/// table's events in seq order: a gap is resynced, a lost connection reconnects (through the load
/// balancer, to any node) and joins again. What it was told is kept for the books.
/// </summary>
public sealed class ClusterPlayer : IAsyncDisposable
{
    /// <summary>Stake of each bet, on red.</summary>
    public const long Stake = 100;

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BetPatience = TimeSpan.FromSeconds(45);
    private static readonly string[] SequencedEvents =
        ["roundOpened", "betsClosed", "dealingStarted", "wheelResult", "roundSettled", "roundVoided", "roundResettled", "tableConfigured"];

    private readonly HubConnection _connection;
    private readonly string _tableId;
    private readonly Lock _gate = new();
    private readonly List<Task> _betting = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _lastSeq;
    private long _lastEventAt;
    private bool _betsStopped;

    private ClusterPlayer(string name, string tableId, HubConnection connection)
    {
        Name = name;
        _tableId = tableId;
        _connection = connection;
    }

    public string Name { get; }

    /// <summary>Bet id → stake of every bet the table answered "accepted".</summary>
    public ConcurrentDictionary<string, long> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Bet id → reason of every bet refused for good.</summary>
    public ConcurrentDictionary<string, string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Bets that never got a definite answer (none expected).</summary>
    public ConcurrentDictionary<string, string> Unanswered { get; } = new(StringComparer.Ordinal);

    /// <summary>Sequenced table events received, in order, each once.</summary>
    public int Events => Volatile.Read(ref _events);

    /// <summary>Gaps found and resynced, and reconnections.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>When the last sequenced event arrived (Stopwatch timestamp).</summary>
    public long LastEventAt => Interlocked.Read(ref _lastEventAt);

    /// <summary>The node the load balancer keeps this player on (its cookie), e.g. "node-2".</summary>
    public string? Node { get; private set; }

    private readonly HashSet<string> _placing = new(StringComparer.Ordinal);
    private int _betsPerRound = 1;
    private int _events;
    private int _resyncs;
    private int _reconnects;

    /// <summary>
    /// Registers, deposits <paramref name="deposit"/>, connects through the load balancer and joins
    /// <paramref name="tableId"/>; then places <paramref name="betsPerRound"/> bets in each round it sees open.
    /// </summary>
    public static async Task<ClusterPlayer> StartAsync(LocalCluster cluster, string name, string tableId, long deposit, int betsPerRound = 1)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentOutOfRangeException.ThrowIfLessThan(betsPerRound, 1);
        var http = cluster.Http;
        const string password = "cluster test password";
        using (var register = await http.PostAsJsonAsync("/api/accounts/register", new { username = name, password }))
        {
            await LocalCluster.ExpectAsync(register, HttpStatusCode.Created);
        }

        string token;
        using (var login = await http.PostAsJsonAsync("/api/accounts/login", new { username = name, password }))
        {
            token = (string)(await LocalCluster.ExpectAsync(login, HttpStatusCode.OK))["accessToken"]!;
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/wallet/deposits") { Content = JsonContent.Create(new { operationId = "dep-" + name, amountMinor = deposit, currency = "EUR", channel = "card" }) })
        {
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            await LocalCluster.ExpectAsync(response, HttpStatusCode.Accepted);
        }

        await TestKit.Eventually.TrueAsync(async () => await AvailableAsync(http, token) == deposit, $"{name}'s deposit", TimeSpan.FromSeconds(30));

        var cookies = new CookieContainer();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.Url, "/hubs/player"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Cookies = cookies;
            })
            .WithAutomaticReconnect(new SteadyRetry())
            .Build();
        var player = new ClusterPlayer(name, tableId, connection) { Token = token, _betsPerRound = betsPerRound };
        foreach (var target in SequencedEvents)
        {
            connection.On<JsonElement>(target, e => player.OnEvent(target, e));
        }

        connection.On<JsonElement>("resync", e => player.Replace(e.GetProperty("snapshot")));
        connection.Reconnected += async _ =>
        {
            Interlocked.Increment(ref player._reconnects);
            await player.JoinAsync();
        };
        await connection.StartAsync();
        player.Node = cookies.GetCookies(cluster.Url)["lcnode"]?.Value;
        await player.JoinAsync();
        return player;
    }

    public string Token { get; private init; } = string.Empty;

    /// <summary>Stops placing new bets and waits for the ones under way to get their answers.</summary>
    public async Task StopBettingAsync()
    {
        Task[] betting;
        lock (_gate)
        {
            _betsStopped = true;
            betting = [.. _betting];
        }

        await Task.WhenAll(betting);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _connection.DisposeAsync();
        _stopping.Dispose();
    }

    private static async Task<long> AvailableAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/wallet");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("availableMinor").GetInt64() : -1;
    }

    private async Task JoinAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(AnswerTimeout);
                var reply = await _connection.InvokeAsync<JsonElement>("JoinTable", _tableId, timeout.Token);
                if (reply.GetProperty("ok").GetBoolean())
                {
                    Replace(reply.GetProperty("snapshot"));
                    return;
                }
            }
            catch (Exception) when (attempt < 20 && !_stopping.IsCancellationRequested)
            {
                // The table is moving or the connection is changing node: try again.
            }

            if (attempt >= 20 || _stopping.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(500);
        }
    }

    private void Replace(JsonElement snapshot)
    {
        lock (_gate)
        {
            _lastSeq = Math.Max(_lastSeq, snapshot.GetProperty("seq").GetInt64());
        }

        if (snapshot.TryGetProperty("round", out var round) && round.ValueKind == JsonValueKind.Object
            && round.GetProperty("phase").GetString() == "bettingOpen")
        {
            Bet(round.GetProperty("roundNo").GetInt64());
        }
    }

    private void OnEvent(string target, JsonElement e)
    {
        if (e.GetProperty("tableId").GetString() != _tableId)
        {
            return;
        }

        var seq = e.GetProperty("seq").GetInt64();
        var prev = e.GetProperty("prevSeq").GetInt64();
        bool gap;
        lock (_gate)
        {
            if (seq <= _lastSeq)
            {
                return;
            }

            gap = prev > _lastSeq;
            if (!gap)
            {
                _lastSeq = seq;
                _events++;
                Interlocked.Exchange(ref _lastEventAt, System.Diagnostics.Stopwatch.GetTimestamp());
            }
        }

        if (gap)
        {
            Interlocked.Increment(ref _resyncs);
            _ = ResyncAsync();
            return;
        }

        if (target == "roundOpened")
        {
            Bet(e.GetProperty("roundNo").GetInt64());
        }
    }

    private async Task ResyncAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(AnswerTimeout);
            var reply = await _connection.InvokeAsync<JsonElement>("Resync", _tableId, timeout.Token);
            if (reply.GetProperty("ok").GetBoolean())
            {
                Replace(reply.GetProperty("snapshot"));
            }
        }
        catch (Exception) when (!_stopping.IsCancellationRequested)
        {
            // The next event finds the gap again, or the reconnect joins afresh.
        }
    }

    /// <summary>Places this player's bets of a round (each id once, however often the round is seen open).</summary>
    private void Bet(long roundNo)
    {
        for (var i = 0; i < _betsPerRound; i++)
        {
            var betId = _betsPerRound == 1 ? $"{Name}-{roundNo}" : $"{Name}-{roundNo}-{i}";
            if (Accepted.ContainsKey(betId) || Refused.ContainsKey(betId))
            {
                continue;
            }

            // Under the gate with StopBettingAsync, so a bet starts before the stop (and is waited for) or not at all.
            lock (_gate)
            {
                if (_betsStopped || !_placing.Add(betId))
                {
                    continue;
                }

                _betting.RemoveAll(t => t.IsCompleted);
                _betting.Add(PlaceAsync(roundNo, betId));
            }
        }
    }

    /// <summary>Sends the bet until a definite answer; the same bet id every time, so it is applied at most once.</summary>
    private async Task PlaceAsync(long roundNo, string betId)
    {
        try
        {
            await SendUntilAnsweredAsync(roundNo, betId);
        }
        finally
        {
            lock (_gate)
            {
                _placing.Remove(betId);
            }
        }
    }

    private async Task SendUntilAnsweredAsync(long roundNo, string betId)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = "no answer";
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < BetPatience && !_stopping.IsCancellationRequested)
        {
            try
            {
                using var timeout = new CancellationTokenSource(AnswerTimeout);
                var request = new { tableId = _tableId, roundNo, betId, lines = new[] { new { spot = "red", amount = Stake } } };
                var reply = await _connection.InvokeAsync<JsonElement>("PlaceBet", request, timeout.Token);
                var outcome = reply.GetProperty("outcome").GetString();
                var reason = reply.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
                if (outcome == "accepted")
                {
                    Accepted[betId] = reply.GetProperty("stake").GetInt64();
                    return;
                }

                if (reason is "unavailable" or "walletUnavailable" or "overloaded" or "rateLimited" or "unknownTable")
                {
                    last = reason;
                }
                else
                {
                    Refused[betId] = reason;
                    return;
                }
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                last = e.GetType().Name + ": " + e.Message;
            }

            await Task.Delay(250);
        }

        Unanswered[betId] = last;
    }
}

/// <summary>Reconnects at once, then every second for up to two minutes (a whole cluster restarting takes a while).</summary>
internal sealed class SteadyRetry : IRetryPolicy
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.ElapsedTime > GiveUpAfter ? null : retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1);
}
