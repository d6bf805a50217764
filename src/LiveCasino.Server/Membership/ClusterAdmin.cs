using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Sharding;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Membership;

/// <summary>
/// The operator's view of the cluster and the two member actions: membership from this node's
/// gossip, shards and entities per member from each region's coordinator (every member asked, for
/// at most <see cref="StatsTimeout"/>), and leave or down of a member, each written to the audit log.
/// </summary>
public sealed partial class ClusterAdmin(ActorSystem engine, ILogger<ClusterAdmin> log)
{
    /// <summary>How long a region waits for the members' counts; a member that did not answer is left out.</summary>
    public static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Upper bound of an entity id this API looks up.</summary>
    public const int EntityIdLengthMax = 128;

    public async Task<ClusterResponse> DescribeAsync(CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(engine);
        var state = cluster.State;
        var members = state.Members
            .Select(m => new ClusterMemberItem(m.Address.ToString(), StatusName(m.Status), [.. m.Roles.Order(StringComparer.Ordinal)], !state.Unreachable.Contains(m), m.Address.Equals(cluster.SelfAddress)))
            .ToList();
        var sharding = ClusterSharding.Get(engine);
        var regions = await Task.WhenAll(sharding.ShardTypeNames.Order(StringComparer.Ordinal).Select(name => RegionAsync(sharding, name, cancellationToken))).ConfigureAwait(false);
        // The oldest Up member runs the cluster singletons: every region's shard coordinator.
        var oldest = state.Members.Where(m => m.Status == MemberStatus.Up).Aggregate((Member?)null, (a, m) => a is null || m.IsOlderThan(a) ? m : a);
        return new ClusterResponse(cluster.SelfAddress.ToString(), state.Leader?.ToString(), oldest?.Address.ToString(), members, regions);
    }

    /// <summary>The shard of <paramref name="entityId"/> in <paramref name="region"/> and the member hosting it; null for an unknown region.</summary>
    public async Task<ClusterEntityItem?> LocateAsync(string region, string entityId, CancellationToken cancellationToken)
    {
        var sharding = ClusterSharding.Get(engine);
        if (!sharding.ShardTypeNames.Contains(region) || EntityRegions.ShardCountOf(engine, region) is not { } shards)
        {
            return null;
        }

        var shardId = EntityRegions.ShardOf(entityId, shards);
        var stats = await StatsAsync(sharding, region, cancellationToken).ConfigureAwait(false);
        var host = stats.FirstOrDefault(s => s.Value.Stats.ContainsKey(shardId)).Key;
        return new ClusterEntityItem(region, entityId, shardId, host?.ToString());
    }

    /// <summary>Asks <paramref name="address"/> to leave gracefully (it hands its shards off first). Null when no such member.</summary>
    public ClusterMemberActionResponse? Leave(string address, string by) => Act(address, by, "leave", (cluster, a) => cluster.Leave(a));

    /// <summary>Marks <paramref name="address"/> down: for a member known to be dead; its shards move at once.</summary>
    public ClusterMemberActionResponse? Down(string address, string by) => Act(address, by, "down", (cluster, a) => cluster.Down(a));

    private ClusterMemberActionResponse? Act(string address, string by, string action, Action<Akka.Cluster.Cluster, Address> apply)
    {
        var cluster = Cluster.Get(engine);
        var member = cluster.State.Members.FirstOrDefault(m => string.Equals(m.Address.ToString(), address, StringComparison.Ordinal));
        if (member is null)
        {
            return null;
        }

        Audited(log, by, action, address, StatusName(member.Status));
        apply(cluster, member.Address);
        return new ClusterMemberActionResponse(address, action, StatusName(member.Status));
    }

    private static async Task<ClusterRegionItem> RegionAsync(ClusterSharding sharding, string region, CancellationToken cancellationToken)
    {
        var stats = await StatsAsync(sharding, region, cancellationToken).ConfigureAwait(false);
        var nodes = stats.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal)
            .Select(s => new ClusterRegionNode(s.Key.ToString(), s.Value.Stats.Count, s.Value.Stats.Values.Sum()))
            .ToList();
        return new ClusterRegionItem(region, nodes, nodes.Sum(n => n.Shards), nodes.Sum(n => n.Entities));
    }

    private static async Task<IReadOnlyDictionary<Address, ShardRegionStats>> StatsAsync(ClusterSharding sharding, string region, CancellationToken cancellationToken)
    {
        var stats = await sharding.ShardRegion(region).Ask<ClusterShardingStats>(new GetClusterShardingStats(StatsTimeout), StatsTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        return stats.Regions;
    }

    private static string StatusName(MemberStatus status) => status switch
    {
        MemberStatus.WeaklyUp => "weaklyUp",
        _ => status.ToString().ToLowerInvariant(),
    };

    [LoggerMessage(EventId = 760, Level = LogLevel.Warning, Message = "AUDIT cluster: {By} asked member {Address} ({Status}) to {Action}")]
    private static partial void Audited(ILogger logger, string by, string action, string address, string status);
}
