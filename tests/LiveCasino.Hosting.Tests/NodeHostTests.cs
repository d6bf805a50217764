using Akka.Actor;
using LiveCasino.Hosting.Engine;
using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Tests;

/// <summary>
/// A node on a real .NET host: its typed settings from appsettings.json, environment and command
/// line, validation that stops start-up with the key at fault, and a store that keeps state across
/// restarts of the host (SQLite, and PostgreSQL when configured).
/// </summary>
public sealed class NodeHostTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
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
        builder.Services.AddLiveCasinoEngine(builder.Configuration);
        return builder.Build();
    }

    private string DataJson(string extra = "") =>
        $$"""{ "LiveCasino": { "Node": { "Name": "test-node", "DataDirectory": "{{_scratch.Directory.Replace("\\", "/", StringComparison.Ordinal)}}/data" }{{extra}} } }""";

    [Fact]
    public void Json_environment_and_command_line_bind_in_that_order_of_precedence()
    {
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Store__BatchMaxWrites", "250");
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "LiveCasino__Store__BatchMaxEvents", "640");
        using var host = Build(
            DataJson(""", "Store": { "BatchMaxWrites": 100, "BatchMaxEvents": 320, "SqliteFile": "from-json.db" }"""),
            ["--LiveCasino:Store:BatchMaxEvents=160"]);

        var store = host.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        Assert.Equal("from-json.db", store.SqliteFile); // json only
        Assert.Equal(250, store.BatchMaxWrites);         // environment over json
        Assert.Equal(160, store.BatchMaxEvents);         // command line over both
        Assert.Equal("test-node", host.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Name);
    }

    [Fact]
    public async Task An_invalid_value_stops_start_up_naming_the_setting()
    {
        using var host = Build(DataJson(""", "Store": { "Provider": "Postgres" }"""));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("LiveCasino:Store:PostgresConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_limit_out_of_range_stops_start_up()
    {
        using var host = Build(DataJson(""", "Store": { "BatchMaxWrites": 0 }"""));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("LiveCasino:Store:Batch", error.Message, StringComparison.Ordinal);
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
            var system = host.Services.GetRequiredService<ActorSystem>();
            var tally = system.ActorOf(Tally.Props("restart"), "tally");
            Assert.Equal(expected, await tally.Ask<int>(add, Patience));
            await host.StopAsync();
            Assert.True(system.WhenTerminated.IsCompleted);
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
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.Equal("livecasino.persistence.postgres.journal", system.Settings.Config.GetString("akka.persistence.journal.plugin"));
            var tally = system.ActorOf(Tally.Props("pg"), "tally");
            Assert.Equal(expected, await tally.Ask<int>(add, Patience));
            await host.StopAsync();
        }
    }
}
