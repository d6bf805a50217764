using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Hosting.Node;
using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Tests;

/// <summary>
/// A node on a real .NET host: configuration from appsettings.json, environment and command line,
/// validation that stops start-up with the key at fault, and a store that keeps state across restarts.
/// </summary>
public sealed class NodeHostTests : IDisposable
{
    private readonly HostScratch _scratch = new("host");

    public void Dispose() => _scratch.Dispose();

    private IHost Build(string? json = null, string[]? args = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var file = Path.Combine(_scratch.Directory, "appsettings.json");
        File.WriteAllText(file, json ?? "{}");
        builder.Configuration
            .AddJsonFile(file, optional: false)
            .AddEnvironmentVariables(_scratch.EnvPrefix)
            .AddCommandLine(args ?? []);
        builder.Services.AddLiveCasinoNode(builder.Configuration);
        builder.Services.AddLiveCasinoEventTypes("tally", s => s.Register("test.tallied.v1", TallyJson.Default.Tallied));
        return builder.Build();
    }

    private string DataJson(string extra = "") =>
        $$"""{ "LiveCasino": { "Node": { "Name": "test-node", "DataDirectory": "{{_scratch.Directory.Replace("\\", "/", StringComparison.Ordinal)}}/data" }{{extra}} } }""";

    [Fact]
    public void Json_environment_and_command_line_bind_in_that_order_of_precedence()
    {
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Kernel__SnapshotEvery", "250");
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Kernel__Throughput", "64");
        using var host = Build(
            DataJson(""", "Kernel": { "SnapshotEvery": 100, "Throughput": 32, "MaxConcurrentRecoveries": 8 }"""),
            ["--LiveCasino:Kernel:Throughput=16"]);

        var kernel = host.Services.GetRequiredService<IOptions<KernelOptions>>().Value;
        Assert.Equal(8, kernel.MaxConcurrentRecoveries);   // json only
        Assert.Equal(250, kernel.SnapshotEvery);           // environment over json
        Assert.Equal(16, kernel.Throughput);               // command line over both
        Assert.Equal("test-node", host.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Name);
    }

    [Fact]
    public async Task An_invalid_value_stops_start_up_naming_the_setting()
    {
        using var host = Build(DataJson(""", "Store": { "Provider": "Postgres" }"""));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("LiveCasino:Store:PostgresConnectionString is required", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_scratch.Directory, "data")), "nothing is opened or created before validation passes");
    }

    [Fact]
    public async Task A_kernel_limit_out_of_range_stops_start_up()
    {
        using var host = Build(DataJson(""", "Kernel": { "MaxConcurrentRecoveries": 0 }"""));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("LiveCasino:Kernel", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentRecoveries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_setting_is_an_error_not_silently_ignored()
    {
        using var host = Build(DataJson(""", "Store": { "Provder": "Postgres" }"""));
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Provder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_persisted_on_the_embedded_store_survives_a_restart_of_the_host()
    {
        foreach (var (add, expected) in new[] { (5, 5), (7, 12) })
        {
            using var host = Build(DataJson());
            await host.StartAsync();
            var node = host.Services.GetRequiredService<LiveCasinoNode>();
            Assert.True(node.IsReady);
            var tally = node.System.Spawn(Props.Create<TallyCmd>(() => new Tally("restart")), "tally");
            Assert.Equal(expected, await tally.Ask<TallyCmd, int>(r => new TallyCmd.Add(add, r), TimeSpan.FromSeconds(30)));
            await host.StopAsync();
            Assert.False(node.IsReady);
        }

        Assert.True(File.Exists(Path.Combine(_scratch.Directory, "data", "livecasino.db")));
    }

    [Fact]
    public async Task A_node_runs_on_postgres_when_configured()
    {
        var connection = Environment.GetEnvironmentVariable("LIVECASINO_PG")
            ?? throw new InvalidOperationException("LIVECASINO_PG is not set: run ./test.sh, or `source scripts/postgres.sh start` first.");
        var schema = "host_" + Guid.NewGuid().ToString("N")[..10];
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Store__Provider", "Postgres");
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Store__PostgresConnectionString", connection);
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Store__PostgresSchema", schema);
        foreach (var (add, expected) in new[] { (3, 3), (4, 7) })
        {
            using var host = Build(DataJson());
            await host.StartAsync();
            var node = host.Services.GetRequiredService<LiveCasinoNode>();
            var tally = node.System.Spawn(Props.Create<TallyCmd>(() => new Tally("pg")), "tally");
            Assert.Equal(expected, await tally.Ask<TallyCmd, int>(r => new TallyCmd.Add(add, r), TimeSpan.FromSeconds(30)));
            await host.StopAsync();
        }
    }
}
