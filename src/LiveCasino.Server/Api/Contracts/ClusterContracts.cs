namespace LiveCasino.Server.Api.Contracts;

// The operator's cluster API (JSON, camelCase): GET /api/operator/cluster and the member actions.

/// <summary>The cluster as the answering node sees it.</summary>
public sealed record ClusterResponse(string Self, string? Leader, string? Oldest, IReadOnlyList<ClusterMemberItem> Members, IReadOnlyList<ClusterRegionItem> Regions);

/// <summary>
/// One member: its address, status (joining, up, leaving, exiting, down, removed, weaklyUp),
/// roles, and whether the answering node can reach it.
/// </summary>
public sealed record ClusterMemberItem(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool Self);

/// <summary>A sharding region across the members: shards and entities on each (members that did not answer in time are missing).</summary>
public sealed record ClusterRegionItem(string Region, IReadOnlyList<ClusterRegionNode> Nodes, int Shards, int Entities);

/// <summary>One member's part of a region.</summary>
public sealed record ClusterRegionNode(string Address, int Shards, int Entities);

/// <summary>Where an entity's shard lives now: the member's address, or none while the shard is not allocated.</summary>
public sealed record ClusterEntityItem(string Region, string EntityId, string ShardId, string? Address);

/// <summary>POST /api/operator/cluster/members/leave|down: the member's address as <see cref="ClusterMemberItem.Address"/> shows it.</summary>
public sealed record ClusterMemberRequest(string Address);

/// <summary>What was asked of the member.</summary>
public sealed record ClusterMemberActionResponse(string Address, string Action, string StatusBefore);
