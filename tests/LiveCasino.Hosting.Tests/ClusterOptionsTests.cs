using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using LiveCasino.Hosting.Engine;
using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Tests;

/// <summary>
/// <c>LiveCasino:Cluster</c>: where remoting listens and which members a node joins through. Bad
/// values stop start-up naming the key; two nodes given each other as seeds form one cluster.
/// </summary>
public sealed class ClusterOptionsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HostScratch _scratch = new("cluster");

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("Postgres", "127.0.0.1:4053", null)]
    [InlineData("Postgres", "[::1]:4053", null)]
    [InlineData("Postgres", "node-1.casino.internal:4053", null)]
    [InlineData("Postgres", "akka.tcp://livecasino@127.0.0.1:4053", "SeedNodes:0")]
    [InlineData("Postgres", "127.0.0.1", "SeedNodes:0")]
    [InlineData("Postgres", "127.0.0.1:70000", "SeedNodes:0")]
    [InlineData("Postgres", "bad host:4053", "SeedNodes:0")]
    [InlineData("Sqlite", "127.0.0.1:4053", "Provider Postgres")]
    public void Seed_nodes_are_host_and_port_and_need_the_shared_store(string provider, string seed, string? error)
    {
        var result = Validate(new() { ["LiveCasino:Store:Provider"] = provider, ["LiveCasino:Cluster:SeedNodes:0"] = seed });
        if (error is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(error, result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("LiveCasino:Cluster:", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Port_and_hostnames_are_checked_and_unknown_keys_refused()
    {
        Assert.Contains("Port", Validate(new() { ["LiveCasino:Cluster:Port"] = "-1" }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hostname", Validate(new() { ["LiveCasino:Cluster:Hostname"] = "no such host!" }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("PublicHostname", Validate(new() { ["LiveCasino:Cluster:PublicHostname"] = "a b" }).FailureMessage, StringComparison.Ordinal);
        Assert.True(Validate([]).Succeeded, "the defaults are a one-node cluster on loopback");
        Assert.Throws<InvalidOperationException>(() => Validate(new() { ["LiveCasino:Cluster:Seeds:0"] = "127.0.0.1:4053" }));
    }

    [Fact]
    public void The_options_set_remoting_and_seed_addresses_named_after_the_node()
    {
        var cluster = new ClusterOptions { Hostname = "0.0.0.0", PublicHostname = "node-2", Port = 4053 };
        cluster.SeedNodes.Add("node-1:4053");
        cluster.SeedNodes.Add("[::1]:4054");
        var config = EngineHocon.For(new NodeOptions { Name = "casino" }, new StoreOptions { Provider = StoreProvider.Postgres, PostgresConnectionString = "Host=db" }, cluster);
        Assert.Equal("0.0.0.0", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal("node-2", config.GetString("akka.remote.dot-netty.tcp.public-hostname"));
        Assert.Equal(4053, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal(["akka.tcp://casino@node-1:4053", "akka.tcp://casino@[::1]:4054"], config.GetStringList("akka.cluster.seed-nodes"));
    }

    [Fact]
    public async Task Two_nodes_given_a_seed_form_one_cluster_on_the_shared_store()
    {
        var connection = Environment.GetEnvironmentVariable("LIVECASINO_PG")
            ?? throw new InvalidOperationException("LIVECASINO_PG is not set: run ./test.sh, or `source scripts/postgres.sh start` first.");
        var schema = "cluster_" + Guid.NewGuid().ToString("N")[..10];
        var seedPort = FreePort();
        var seed = "127.0.0.1:" + seedPort;
        using var first = Build("first", connection, schema, seedPort, seed);
        using var second = Build("second", connection, schema, 0, seed);
        await first.StartAsync();
        await second.StartAsync();
        var firstCluster = Cluster.Get(first.Services.GetRequiredService<ActorSystem>());
        var secondCluster = Cluster.Get(second.Services.GetRequiredService<ActorSystem>());
        Assert.Equal(seedPort, firstCluster.SelfAddress.Port);

        var deadline = DateTime.UtcNow + Patience;
        while (firstCluster.State.Members.Count(m => m.Status == MemberStatus.Up) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(
            new[] { firstCluster.SelfAddress, secondCluster.SelfAddress }.Order(),
            firstCluster.State.Members.Where(m => m.Status == MemberStatus.Up).Select(m => m.Address).Order());
        await second.StopAsync();
        await first.StopAsync();
    }

    private ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LiveCasino:Store:PostgresConnectionString"] = "Host=db" }).AddInMemoryCollection(settings);
        builder.Services.AddLiveCasinoOptions(builder.Configuration);
        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value; // binds and runs the registered validators
            return ValidateOptionsResult.Success;
        }
        catch (OptionsValidationException e)
        {
            return ValidateOptionsResult.Fail(e.Failures);
        }
    }

    private IHost Build(string name, string connection, string schema, int port, string seed)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveCasino:Node:Name"] = "cluster-test",
            ["LiveCasino:Node:DataDirectory"] = Path.Combine(_scratch.Directory, name),
            ["LiveCasino:Store:Provider"] = "Postgres",
            ["LiveCasino:Store:PostgresConnectionString"] = connection,
            ["LiveCasino:Store:PostgresSchema"] = schema,
            ["LiveCasino:Cluster:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LiveCasino:Cluster:SeedNodes:0"] = seed,
        });
        builder.Services.AddLiveCasinoEngine(builder.Configuration);
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
