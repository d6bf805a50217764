using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using LiveCasino.Server.Edge;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Browser.Tests.Support;

/// <summary>
/// The real node in-process on a real Kestrel port on loopback (browsers need a socket): SQLite
/// under its own temp data folder, real time, real accounts, wallets, demo payment provider, hubs
/// and the web client from src/LiveCasino.Server/wwwroot. The demo is off: the node runs three
/// tables of <see cref="Studio"/>, configured at start as an operator would, and the tests are
/// their only dealer and players. The roulette table names a video feed (served by nobody, so the
/// page shows its address) <see cref="VideoDelayMs"/> behind live; the card tables have none.
/// </summary>
public sealed class LiveNode : WebApplicationFactory<Program>
{
    public const string Studio = "studio-1";
    public const string Roulette = "roulette-1";
    public const string Baccarat = "baccarat-1";
    public const string DragonTiger = "dragontiger-1";
    public const int VideoDelayMs = 1_500;
    public const string OperatorName = "operator";
    public const string OperatorPassword = "browser-tests-bootstrap-1";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDirectory;

    public LiveNode()
    {
        Port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}");
        _dataDirectory = Path.Combine(Path.GetTempPath(), "livecasino-browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dataDirectory);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LiveCasino:Node:Name"] = "browser-tests",
            ["LiveCasino:Node:DataDirectory"] = _dataDirectory,
            ["LiveCasino:Http:Host"] = "127.0.0.1",
            ["LiveCasino:Http:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LiveCasino:Security:BootstrapOperator:Username"] = OperatorName,
            ["LiveCasino:Security:BootstrapOperator:Password"] = OperatorPassword,
            ["LiveCasino:RateLimits:AuthPermits"] = "10000",
            ["LiveCasino:RateLimits:ApiPermits"] = "10000",
            ["LiveCasino:Payments:DemoProvider:ProcessingDelayMin"] = "00:00:00",
            ["LiveCasino:Payments:DemoProvider:ProcessingDelayMax"] = "00:00:00",
            ["LiveCasino:Payments:DemoProvider:DuplicateProbability"] = "0",
            ["LiveCasino:Payments:DemoProvider:ReorderProbability"] = "0",
            ["LiveCasino:Payments:DemoProvider:SuccessRate"] = "1",
            ["LiveCasino:Demo:Enabled"] = "false",
        };
        UseKestrel();
    }

    public int Port { get; }

    /// <summary>What the browser opens: the node's own origin, so the hub origin check passes.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Where the roulette table says its video is (nothing answers there).</summary>
    public Uri VideoUrl => new(BaseUrl, "/video/roulette-1.m3u8");

    /// <summary>Starts the node, waits until it answers /health/ready, and sets up the tables.</summary>
    public async Task StartAsync()
    {
        StartServer();
        await WaitReadyAsync();
        var tables = Services.GetRequiredService<TablesRuntime>();
        var video = new StreamDescriptor(
            new Dictionary<string, string> { ["hls"] = VideoUrl.ToString() },
            new Dictionary<string, int> { ["hls"] = VideoDelayMs });
        foreach (var (id, game, stream) in new[] { (Roulette, GameKind.Roulette, video), (Baccarat, GameKind.Baccarat, StreamDescriptor.None), (DragonTiger, GameKind.DragonTiger, StreamDescriptor.None) })
        {
            var config = new TableConfig(Studio, game, "EUR", Paytables.DefaultFor(game), TableLimits.Default, TimeSpan.FromSeconds(20), stream);
            var reply = await tables.ConfigureAsync(id, config, "browser-tests", CancellationToken.None);
            Assert.True(reply is TableReply.CommandAccepted, $"configuring {id}: {reply}");
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the node on {BaseUrl} did not become ready");
    }

    /// <summary>A console of <see cref="Studio"/> made by the bootstrap operator over REST: (consoleId, apiKey).</summary>
    public async Task<(string ConsoleId, string ApiKey)> CreateConsoleAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var login = await http.PostAsJsonAsync("/api/accounts/login", new { username = OperatorName, password = OperatorPassword });
        var tokens = await Json(login, HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/operator/consoles") { Content = JsonContent.Create(new { studioId = Studio }) };
        request.Headers.Authorization = new("Bearer", (string)tokens["accessToken"]!);
        using var created = await http.SendAsync(request);
        var console = await Json(created, HttpStatusCode.Created);
        return ((string)console["consoleId"]!, (string)console["apiKey"]!);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>A loopback port nobody listens on now (the node binds it a moment later).</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
