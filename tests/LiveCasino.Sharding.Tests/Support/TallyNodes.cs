using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using LiveCasino.Persistence.Configuration;

namespace LiveCasino.Sharding.Tests.Support;

/// <summary>Configuration of test nodes: the node's hocon/ files, the tally types on LiveCasino's serializer, every message serialized.</summary>
public static class TallyNodes
{
    public const string SystemName = "tallies";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string Common = """
        akka.loglevel = WARNING
        akka.actor.serialize-messages = on
        akka.actor.serialization-bindings { "LiveCasino.Sharding.Tests.Support.ITallyMessage, LiveCasino.Sharding.Tests" = livecasino }
        livecasino.serialization.catalogs.tally = "LiveCasino.Sharding.Tests.Support.TallyCatalog, LiveCasino.Sharding.Tests"
        akka.cluster.sharding.rebalance-interval = 1s
        akka.cluster.sharding.least-shard-allocation-strategy.rebalance-absolute-limit = 5
        akka.test.single-expect-default = 15s
        """;

    /// <summary>A node on the in-memory plugin (its state dies with it).</summary>
    public static Config InMemory() =>
        HoconFiles.Load(HoconFiles.NodeFiles).WithFallback(ShardingConfig.Reference).Overrides(Common).Overrides("""
            akka.persistence.journal.plugin = "livecasino.persistence.memory.journal"
            akka.persistence.snapshot-store.plugin = "livecasino.persistence.memory.snapshot-store"
            """);

    /// <summary>
    /// A node on a SQLite file that several nodes of a test share. Messages between the nodes cross
    /// remoting and are serialized for real, so local sends are not serialized as well: that check
    /// also catches Akka's own local-only distributed-data messages (ReadRepair, which has no
    /// serializer), and the sharding coordinator's read of its state would never complete.
    /// </summary>
    public static Config OnSqlite(string file) =>
        HoconFiles.Load(HoconFiles.NodeFiles).WithFallback(ShardingConfig.Reference).Overrides(Common).Overrides($"""
            akka.actor.serialize-messages = off
            livecasino.persistence.sqlite.store.data-source = "{file.Replace("\\", "/", StringComparison.Ordinal)}"
            """);

    /// <summary>Joins <paramref name="system"/> to <paramref name="seed"/> (itself when null) and waits until it is Up.</summary>
    public static async Task JoinAsync(ActorSystem system, Address? seed = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(seed ?? cluster.SelfAddress);
        await up.Task.WaitAsync(Patience);
    }
}
