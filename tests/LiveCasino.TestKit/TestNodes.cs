using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Persistence.Serialization;
using LiveCasino.Persistence.Stores;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Sharding;

namespace LiveCasino.TestKit;

/// <summary>
/// One-node Akka.NET clusters for tests: the node's own hocon/ files, sharding's reference config,
/// the test's HOCON on top, and cluster timings short enough that joining and leaving take
/// milliseconds (a test node is alone: nothing to wait for).
/// </summary>
public static class TestNodes
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The journal and snapshot plugins over the in-memory store (or stores handed to it with <c>StoreRegistry.Provide</c>).</summary>
    public const string MemoryPlugin = """
        akka.persistence.journal.plugin = "livecasino.persistence.memory.journal"
        akka.persistence.snapshot-store.plugin = "livecasino.persistence.memory.snapshot-store"
        """;

    /// <summary>
    /// Every message an actor of the node receives is serialized and read back first, as if it had
    /// crossed nodes (Akka's journal-internal message excepted: see <see cref="LocalOnlySerializer"/>).
    /// </summary>
    public const string SerializeMessages = """
        akka.actor.serialize-messages = on
        akka.actor.serializers.local-only = "LiveCasino.TestKit.LocalOnlySerializer, LiveCasino.TestKit"
        akka.actor.serialization-bindings {
          "Akka.Persistence.Journal.AsyncWriteJournal+Desequenced, Akka.Persistence" = local-only
        }
        """;

    /// <summary>Cluster timings for a lone test node.</summary>
    public const string FastCluster = """
        akka.loglevel = WARNING
        akka.cluster.gossip-interval = 50ms
        akka.cluster.leader-actions-interval = 50ms
        akka.cluster.periodic-tasks-initial-delay = 0s
        akka.cluster.singleton.hand-over-retry-interval = 50ms
        akka.cluster.sharding.retry-interval = 100ms
        """;

    /// <summary>
    /// Starts a node whose journal plugin uses stores the test opened and keeps across nodes:
    /// <paramref name="journal"/> and <paramref name="snapshots"/> must have been opened with
    /// <paramref name="serializer"/>, which is pointed at the new node.
    /// </summary>
    public static Task<ActorSystem> StartOnStoresAsync(string name, string hocon, NodeSerializer serializer, IJournal journal, ISnapshotStore snapshots)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return StartAsync(name, hocon + "\n" + MemoryPlugin, system =>
        {
            serializer.Current = new AkkaEventSerializer(system);
            StoreRegistry.For(system).Provide("livecasino.persistence.memory.store", journal, snapshots);
        });
    }

    /// <summary>
    /// Creates the node, lets <paramref name="beforeJoin"/> set it up (for example hand its stores
    /// to the store registry), then joins it to itself and waits until it is Up.
    /// </summary>
    public static async Task<ActorSystem> StartAsync(string name, string hocon, Action<ActorSystem>? beforeJoin = null)
    {
        var config = HoconFiles.Load(HoconFiles.NodeFiles).WithFallback(ShardingConfig.Reference).Overrides(FastCluster).Overrides(hocon);
        var system = ActorSystem.Create(name, config);
        try
        {
            beforeJoin?.Invoke(system);
            await OneNodeCluster.JoinSelfAsync(system, Patience);
            return system;
        }
        catch
        {
            await system.Terminate();
            throw;
        }
    }
}
