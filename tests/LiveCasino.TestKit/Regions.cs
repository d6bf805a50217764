using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Sharding;

namespace LiveCasino.TestKit;

/// <summary>What a test does to a sharding region from outside: count its entities, stop one as a crash would.</summary>
public static class Regions
{
    /// <summary>The entities the region runs on this node now.</summary>
    public static async Task<int> EntityCountAsync(this IActorRef region, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(region);
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, timeout);
        return state.Shards.Sum(s => s.EntityIds.Count);
    }

    /// <summary>Stops the entity without passivation, as a crash of it would: it forgets everything not persisted and starts again on the next message.</summary>
    public static void StopEntity(this IActorRef region, string entityId)
    {
        ArgumentNullException.ThrowIfNull(region);
        region.Tell(new ShardingEnvelope(entityId, EntityStop.Instance));
    }
}
