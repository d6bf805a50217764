using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.DistributedData;

namespace LiveCasino.Sharding;

/// <summary>
/// The reference configuration of sharding, the cluster singleton (its coordinator) and distributed
/// data (where the coordinator keeps shard locations), with their serializers. A node must have it from start-up: a node that only gets it when its first region
/// starts cannot read the sharding messages another node sends it before then.
/// </summary>
public static class ShardingConfig
{
    public static Config Reference { get; } = ClusterSharding.DefaultConfig()
        .WithFallback(ClusterSingleton.DefaultConfig())
        .WithFallback(DistributedData.DefaultConfig());
}
