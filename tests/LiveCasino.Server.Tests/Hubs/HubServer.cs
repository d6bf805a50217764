using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LiveCasino.Games.Common;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Tests.Support;
using LiveCasino.TestKit;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Tests.Hubs;

/// <summary>
/// The real node on Kestrel (real sockets, so a client that stops reading really stalls the server's
/// writes) on a free loopback port, SQLite in its own temp directory, fake time, demo off; with
/// helpers to list tables, make consoles and funded players over REST, and open hub connections.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    public const string Studio = "studio-a";
    public const string Currency = "EUR";

    private readonly ServerFactory _factory = null!;
    private readonly WebApplicationFactory<Program> _host = null!;
    private string? _operatorToken;

    /// <param name="realTime">The system clock instead of fake time (for the demo, which paces itself on the clock).</param>
    public HubServer(IDictionary<string, string?>? settings = null, Action<KestrelServerOptions>? kestrel = null, bool realTime = false)
    {
        // A free port can be taken by another socket of the process (an outgoing connection, a node's
        // remoting) between the probe and Kestrel's bind: then start again on another one.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var all = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["LiveCasino:Http:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LiveCasino:Demo:Enabled"] = "false",
                ["LiveCasino:Wallets:Currency"] = Currency,
            };
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            {
                all[k] = v;
            }

            _factory = new ServerFactory(all);
            _host = realTime
                ? _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(TimeProvider.System)))
                : _factory;
            _host.UseKestrel(kestrel ?? (_ => { }));
            try
            {
                _host.StartServer();
                break;
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                if (!ReferenceEquals(_host, _factory))
                {
                    _host.Dispose();
                }

                _factory.Dispose();
            }
        }

        BaseAddress = new Uri($"http://localhost:{Port}");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public int Port { get; private set; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider Time => _factory.Time;

    public IServiceProvider Services => _host.Services;

    public TablesRuntime Tables => Services.GetRequiredService<TablesRuntime>();

    public EdgeMetrics Metrics => Services.GetRequiredService<EdgeMetrics>();

    public EdgeOptions Edge => Services.GetRequiredService<IOptions<EdgeOptions>>().Value;

    public static TableConfig Config(GameKind game, string studio = Studio, TimeSpan? window = null) => new(
        studio, game, Currency, Paytables.DefaultFor(game), TableLimits.Default, window ?? TimeSpan.FromSeconds(15), StreamDescriptor.None);

    /// <summary>Lists and configures a table in-process (what an operator does).</summary>
    public async Task AddTableAsync(string tableId, GameKind game, string studio = Studio)
    {
        var reply = await Tables.ConfigureAsync(tableId, Config(game, studio), "test-operator", CancellationToken.None);
        Assert.IsType<TableReply.CommandAccepted>(reply);
    }

    public async Task<string> OperatorTokenAsync() =>
        _operatorToken ??= (await Http.LoginAsync(ServerFactory.OperatorName, ServerFactory.OperatorPassword)).Access;

    /// <summary>A new console of <paramref name="studio"/>, logged in: its access token.</summary>
    public async Task<string> ConsoleTokenAsync(string studio = Studio)
    {
        var op = await OperatorTokenAsync();
        var console = await (await Http.PostJsonAsync("/api/operator/consoles", new { studioId = studio }, op)).ExpectAsync(HttpStatusCode.Created);
        var login = await (await Http.PostJsonAsync("/api/consoles/login", new { consoleId = (string)console["consoleId"]!, apiKey = (string)console["apiKey"]! }))
            .ExpectAsync(HttpStatusCode.OK);
        return Tokens.From(login).Access;
    }

    /// <summary>A registered, logged-in player with <paramref name="deposit"/> available (0: none).</summary>
    public async Task<Tokens> PlayerAsync(string name, long deposit = 0)
    {
        var tokens = await Http.RegisterAndLoginAsync(name);
        if (deposit > 0)
        {
            var body = new { operationId = "dep-" + name, amountMinor = deposit, currency = Currency, channel = "card" };
            await (await Http.PostJsonAsync("/api/wallet/deposits", body, tokens.Access)).ExpectAsync(HttpStatusCode.Accepted);
            await Eventually.TrueAsync(
                () => Http.BalanceAsync(tokens.Access).GetAwaiter().GetResult().Long("availableMinor") == deposit,
                $"{name}'s deposit of {deposit} is available",
                HubTestClient.Patience);
        }

        return tokens;
    }

    public Task<HubTestClient> PlayerHubAsync(string token, int? receiveBufferBytes = null) =>
        HubTestClient.ConnectAsync(BaseAddress, "/hubs/player", token, receiveBufferBytes: receiveBufferBytes);

    public Task<HubTestClient> DealerHubAsync(string token) => HubTestClient.ConnectAsync(BaseAddress, "/hubs/dealer", token);

    /// <summary>A console connection bound to <paramref name="tableId"/>.</summary>
    public async Task<HubTestClient> BoundDealerAsync(string tableId, string studio = Studio)
    {
        var dealer = await DealerHubAsync(await ConsoleTokenAsync(studio));
        var bind = await dealer.InvokeObjectAsync("Bind", new { tableId });
        Assert.True((bool)bind["ok"]!, bind.ToJsonString());
        return dealer;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!ReferenceEquals(_host, _factory))
        {
            await _host.DisposeAsync();
        }

        await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Small helpers over hub replies.</summary>
public static class HubJsonExtensions
{
    public static void ExpectVerdict(this JsonObject verdict, bool accepted, string? reason = null)
    {
        Assert.True((bool)verdict["accepted"]! == accepted, verdict.ToJsonString());
        if (reason is not null)
        {
            Assert.Equal(reason, (string?)verdict["reason"]);
        }
    }
}
