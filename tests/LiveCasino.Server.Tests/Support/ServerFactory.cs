using System.Net;
using LiveCasino.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Tests.Support;

/// <summary>
/// The real node in-process (WebApplicationFactory over Program): real actor system, SQLite store
/// under its own temp data directory, real accounts, wallets and demo payment provider (real
/// loopback HTTP for the provider and its webhooks). Time is a <see cref="FakeTimeProvider"/>
/// registered in the host, so token expiry, sessions and lockouts move only when a test advances it.
/// Requests can claim a client address with the <see cref="ClientHeader"/> header.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    public const string ClientHeader = "X-Test-Client-Ip";
    public const string OperatorName = "operator";
    public const string OperatorPassword = "bootstrap-secret-1";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;

    /// <param name="dataDirectory">Reuse a data directory (restart tests); a fresh temp one otherwise, deleted on dispose.</param>
    public ServerFactory(IDictionary<string, string?>? settings = null, string? dataDirectory = null, FakeTimeProvider? time = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? NewDataDirectory();
        Time = time ?? new FakeTimeProvider();
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LiveCasino:Node:Name"] = "test-node",
            ["LiveCasino:Node:DataDirectory"] = DataDirectory,
            ["LiveCasino:Security:BootstrapOperator:Username"] = OperatorName,
            ["LiveCasino:Security:BootstrapOperator:Password"] = OperatorPassword,
            ["LiveCasino:RateLimits:AuthPermits"] = "10000",
            ["LiveCasino:RateLimits:ApiPermits"] = "10000",
            ["LiveCasino:RateLimits:AuthWindow"] = "01:00:00",
            ["LiveCasino:RateLimits:ApiWindow"] = "01:00:00",
            ["LiveCasino:Payments:DemoProvider:ProcessingDelayMin"] = "00:00:00",
            ["LiveCasino:Payments:DemoProvider:ProcessingDelayMax"] = "00:00:00",
            ["LiveCasino:Payments:DemoProvider:DuplicateProbability"] = "0",
            ["LiveCasino:Payments:DemoProvider:ReorderProbability"] = "0",
            ["LiveCasino:Payments:DemoProvider:SuccessRate"] = "1",
            ["LiveCasino:Demo:Enabled"] = "false", // no demo tables, consoles or players unless a test asks
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public static string NewDataDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "livecasino-server-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteDataDirectory(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>A client that speaks from <paramref name="address"/> (per-address throttling and limits).</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            DeleteDataDirectory(DataDirectory);
        }
    }

    /// <summary>Sets the connection's remote address from <see cref="ClientHeader"/> (the test server has none).</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
