using Akka.Actor;
using Akka.Cluster;
using Akka.Persistence;
using LiveCasino.Hosting.Engine;
using LiveCasino.Hosting.Options;
using LiveCasino.Stores.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveCasino.Hosting.Tests;

/// <summary>
/// The node's Akka.NET actor system on a real .NET host: hocon/ files, the typed store options, and
/// Akka keys from the environment and command line on top; a one-node cluster that joins itself.
/// </summary>
public sealed class EngineHostTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HostScratch _scratch = new("engine");

    public void Dispose() => _scratch.Dispose();

    private IHost Build(Dictionary<string, string?>? settings = null, string[]? args = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LiveCasino:Node:Name"] = "engine-test",
                ["LiveCasino:Node:DataDirectory"] = Path.Combine(_scratch.Directory, "data"),
            })
            .AddInMemoryCollection(settings ?? [])
            .AddEnvironmentVariables(_scratch.EnvPrefix)
            .AddCommandLine(args ?? []);
        builder.Services.AddLiveCasinoEngine(builder.Configuration);
        return builder.Build();
    }

    private static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what} did not happen within {Patience}.", ex);
        }
    }

    [Fact]
    public async Task The_node_joins_itself_and_is_an_up_one_node_cluster()
    {
        using var host = Build();
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Equal("engine-test", system.Name);
        var up = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult(true));
        await Within(up.Task, "the node reaching Up");
        var members = Cluster.Get(system).State.Members;
        Assert.Single(members);
        Assert.Equal(MemberStatus.Up, members.Single().Status);

        // Sharding's and the singleton's serializers are there from the start, before any region.
        Assert.Contains("ClusterShardingMessageSerializer", system.Settings.Config.GetString("akka.actor.serializers.akka-sharding"), StringComparison.Ordinal);
        Assert.Contains("ClusterSingletonMessageSerializer", system.Settings.Config.GetString("akka.actor.serializers.akka-singleton"), StringComparison.Ordinal);
        await host.StopAsync();
        Assert.True(system.WhenTerminated.IsCompleted, "stopping the host terminates the actor system");
    }

    [Fact]
    public async Task Akka_keys_from_environment_and_command_line_override_the_hocon_files()
    {
        Environment.SetEnvironmentVariable(_scratch.EnvPrefix + "akka__cluster__sharding__passivate-idle-entity-after", "7m");
        using var host = Build(args: ["--akka:loglevel=ERROR", "--akka:cluster:split-brain-resolver:stable-after=9s"]);
        await host.StartAsync();
        var config = host.Services.GetRequiredService<ActorSystem>().Settings.Config;
        Assert.Equal(TimeSpan.FromMinutes(7), config.GetTimeSpan("akka.cluster.sharding.passivate-idle-entity-after"));
        Assert.Equal("ERROR", config.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(9), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        // Untouched keys keep the files' values.
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        await host.StopAsync();
    }

    [Fact]
    public async Task The_typed_store_options_choose_the_plugin_and_its_database()
    {
        using var host = Build(new() { ["LiveCasino:Store:SqliteFile"] = "engine.db", ["LiveCasino:Store:BatchMaxWrites"] = "250" });
        await host.StartAsync();
        var config = host.Services.GetRequiredService<ActorSystem>().Settings.Config;
        Assert.Equal("livecasino.persistence.sqlite.journal", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal(Path.Combine(_scratch.Directory, "data", "engine.db"), config.GetString("livecasino.persistence.sqlite.store.data-source"));
        Assert.Equal(250, config.GetInt("livecasino.persistence.sqlite.store.batching.max-batch-writes"));
        await host.StopAsync();

        var postgres = EngineHocon.For(new NodeOptions(), new StoreOptions { Provider = StoreProvider.Postgres, PostgresConnectionString = "Host=db;Username=app", PostgresSchema = "casino" }, new ClusterOptions());
        Assert.Equal("livecasino.persistence.postgres.journal", postgres.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("Host=db;Username=app", postgres.GetString("livecasino.persistence.postgres.store.connection-string"));
        Assert.Equal("casino", postgres.GetString("livecasino.persistence.postgres.store.schema"));
    }

    [Fact]
    public async Task A_persistent_actor_on_the_engine_writes_to_the_node_sqlite_file_and_it_is_flushed_on_stop()
    {
        using (var host = Build())
        {
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            var writer = system.ActorOf(Props.Create(() => new Note("note-1")));
            Assert.Equal("stored", await Within(writer.Ask<string>("hello", Patience), "the persist"));
            await host.StopAsync();
        }

        // The engine's file is a LiveCasino SQLite journal; read it back without Akka.
        var options = new SqliteStoreOptions { DataSource = Path.Combine(_scratch.Directory, "data", "livecasino.db") };
        await using var journal = await SqliteJournal.OpenAsync(options, new PassThrough(), CancellationToken.None);
        var stored = new List<string>();
        await foreach (var e in journal.ReplayAsync("note-1", 1, long.MaxValue, long.MaxValue, CancellationToken.None))
        {
            stored.Add(e.Serialized!.Manifest);
        }

        Assert.Single(stored);
        Assert.StartsWith("@", stored[0], StringComparison.Ordinal);
    }

    /// <summary>Persists every string it is sent and answers "stored".</summary>
    private sealed class Note : ReceivePersistentActor
    {
        public Note(string id)
        {
            PersistenceId = id;
            Command<string>(text => Persist(text, _ => Sender.Tell("stored")));
            Recover<string>(_ => { });
        }

        public override string PersistenceId { get; }
    }

    /// <summary>Reads rows without knowing their types (this test only looks at manifests).</summary>
    private sealed class PassThrough : LiveCasino.Stores.Serialization.IEventSerializer
    {
        public LiveCasino.Stores.Journal.SerializedPayload Serialize(object value) => throw new NotSupportedException();

        public object Deserialize(string manifest, ReadOnlySpan<byte> bytes) => manifest;
    }
}
