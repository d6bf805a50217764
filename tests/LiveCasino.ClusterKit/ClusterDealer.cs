using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveCasino.ClusterKit;

/// <summary>
/// A studio console running roulette rounds on one table through the load balancer (official
/// SignalR client): open a round, let the betting window close by the server's timer, report the
/// wheel. It reads the table's own state (the operator API) before each step, so after a failover or
/// a reconnect it carries on from wherever the table is; a lost connection reconnects and binds again.
/// </summary>
public sealed class ClusterDealer : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly LocalCluster _cluster;
    private readonly string _tableId;
    private readonly string _token;
    private readonly CancellationTokenSource _stopping = new();
    private HubConnection? _connection;
    private Task _running = Task.CompletedTask;
    private volatile bool _finishing;
    private long _settledRounds;

    private ClusterDealer(LocalCluster cluster, string tableId, string token)
    {
        _cluster = cluster;
        _tableId = tableId;
        _token = token;
    }

    /// <summary>Rounds this dealer saw settled.</summary>
    public long SettledRounds => Interlocked.Read(ref _settledRounds);

    /// <summary>Each step's failure, for a failing test's message.</summary>
    public List<string> Trouble { get; } = [];

    public static async Task<ClusterDealer> StartAsync(LocalCluster cluster, string studioId, string tableId)
    {
        var op = await cluster.OperatorTokenAsync();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/operator/consoles") { Content = JsonContent.Create(new { studioId }) };
        create.Headers.Authorization = new("Bearer", op);
        using var created = await cluster.Http.SendAsync(create);
        var console = await LocalCluster.ExpectAsync(created, HttpStatusCode.Created);
        using var login = await cluster.Http.PostAsJsonAsync("/api/consoles/login", new { consoleId = (string)console["consoleId"]!, apiKey = (string)console["apiKey"]! });
        var token = (string)(await LocalCluster.ExpectAsync(login, HttpStatusCode.OK))["accessToken"]!;
        var dealer = new ClusterDealer(cluster, tableId, token);
        dealer._running = dealer.RunAsync();
        return dealer;
    }

    /// <summary>Lets the current round finish (settled or voided), opens no other, and stops.</summary>
    public async Task FinishAsync()
    {
        _finishing = true;
        await _running.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var spins = new Random(_tableId.Length * 7919);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var (status, state) = await _cluster.OperatorGetAsync($"/api/operator/tables/{_tableId}");
                if (status != HttpStatusCode.OK)
                {
                    await Task.Delay(250, _stopping.Token);
                    continue;
                }

                var phase = (string)state!["phase"]!;
                switch (phase)
                {
                    case "none" or "settled" or "voided":
                        if (phase == "settled")
                        {
                            Interlocked.Exchange(ref _settledRounds, (long)state["roundNo"]!);
                        }

                        if (_finishing)
                        {
                            return;
                        }

                        await ActAsync("OpenRound", new { });
                        break;
                    case "bettingOpen":
                        // The server's timer closes the window; wait for it, wherever the table runs.
                        var closesAt = (DateTimeOffset)state["closesAt"]!;
                        var left = closesAt - (DateTimeOffset)state["serverNow"]!;
                        await Task.Delay(left > TimeSpan.Zero ? left + TimeSpan.FromMilliseconds(200) : TimeSpan.FromMilliseconds(200), _stopping.Token);
                        break;
                    case "bettingClosed" or "dealing":
                        await ActAsync("WheelResult", new { number = spins.Next(0, 37), revolutions = 6 });
                        break;
                    default:
                        await Task.Delay(200, _stopping.Token);
                        break;
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Anything (a connection to a dead node, a refused bind, a half-written answer) is
                // written down and the loop carries on from the table's state.
                lock (Trouble)
                {
                    Trouble.Add(e.GetType().Name + ": " + e.Message);
                }

                await DropAsync();
                await Task.Delay(500, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Sends one dealer action on a bound connection; a refusal (the table moved on meanwhile) is fine: the next state read decides.</summary>
    private async Task ActAsync(string method, object request)
    {
        var connection = await ConnectedAsync();
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var verdict = await connection.InvokeAsync<JsonElement>(method, request, timeout.Token);
        if (!verdict.GetProperty("accepted").GetBoolean())
        {
            var reason = verdict.TryGetProperty("reason", out var r) ? r.ToString() : "?";
            if (reason is "notBound" or "unavailable")
            {
                await DropAsync();
            }

            lock (Trouble)
            {
                Trouble.Add($"{method} refused: {reason}");
            }

            await Task.Delay(200, _stopping.Token);
        }
    }

    private async Task<HubConnection> ConnectedAsync()
    {
        if (_connection is { State: HubConnectionState.Connected } connected)
        {
            return connected;
        }

        await DropAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_cluster.Url, "/hubs/dealer"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(_token))
            .Build();
        await connection.StartAsync(_stopping.Token);
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var bind = await connection.InvokeAsync<JsonElement>("Bind", new { tableId = _tableId }, timeout.Token);
        if (!bind.GetProperty("ok").GetBoolean())
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException("Bind refused: " + bind);
        }

        _connection = connection;
        return connection;
    }

    private async Task DropAsync()
    {
        if (_connection is { } old)
        {
            _connection = null;
            await old.DisposeAsync();
        }
    }
}
