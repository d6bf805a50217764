using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace LiveCasino.Sharding;

/// <summary>
/// Starts the region of one entity type on this node. Messages reach an entity as
/// <see cref="ShardingEnvelope"/>(entity id, message); ids map to a fixed number of shards by
/// Akka's stable hash, so every node agrees. The shard count is about ten times the largest node
/// count and is never changed in a live cluster (entities would move between shards).
/// </summary>
public static class EntityRegions
{
    /// <summary>Upper bound of a region's shard count.</summary>
    public const int ShardsMax = 10_000;

    private static readonly ConditionalWeakTable<ActorSystem, ConcurrentDictionary<string, int>> ShardCounts = new();

    /// <summary>
    /// Starts the region; <paramref name="passivateIdleAfter"/> overrides the configured idle time
    /// after which an entity is stopped with <see cref="EntityStop"/> (TimeSpan.Zero: never).
    /// <paramref name="rememberEntities"/>: the region records which entities run (through the
    /// node's journal) and starts them again, without a message, wherever their shard starts next:
    /// after a rebalance, a node's crash or leave, or a full-cluster restart. For entities that must
    /// act on their own (tables run betting-window timers); idle passivation is then off.
    /// </summary>
    public static Task<IActorRef> StartAsync(ActorSystem system, string typeName, Func<string, Props> entityProps, int numberOfShards, TimeSpan? passivateIdleAfter = null, bool rememberEntities = false)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOfShards, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numberOfShards, ShardsMax);
        var sharding = ClusterSharding.Get(system);
        var settings = ClusterShardingSettings.Create(system);
        if (passivateIdleAfter is { } idle)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(idle, TimeSpan.Zero, nameof(passivateIdleAfter));
            settings = settings.WithPassivateIdleAfter(idle);
        }

        if (rememberEntities)
        {
            settings = settings.WithRememberEntities(true);
        }

        ShardCounts.GetOrCreateValue(system)[typeName] = numberOfShards;
        return sharding.StartAsync(typeName, entityProps, settings, Extractor(numberOfShards), sharding.DefaultShardAllocationStrategy(settings), EntityStop.Instance);
    }

    /// <summary>The shard count <paramref name="typeName"/>'s region was started with on <paramref name="system"/>; null when it was not started here.</summary>
    public static int? ShardCountOf(ActorSystem system, string typeName) =>
        ShardCounts.TryGetValue(system, out var counts) && counts.TryGetValue(typeName, out var count) ? count : null;

    /// <summary>The shard an entity id belongs to in a region of <paramref name="numberOfShards"/> shards (the same on every member).</summary>
    public static string ShardOf(string entityId, int numberOfShards) =>
        Extractor(numberOfShards).ShardId(entityId, new ShardingEnvelope(entityId, entityId));

    /// <summary>
    /// Routes <see cref="ShardingEnvelope"/>s by their entity id (Akka's extractor unwraps them
    /// itself); any other message has no entity and is not for a region.
    /// </summary>
    public static IMessageExtractor Extractor(int numberOfShards) =>
        HashCodeMessageExtractor.Create(numberOfShards, _ => null!, message => message);
}
