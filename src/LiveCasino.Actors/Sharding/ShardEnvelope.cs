namespace LiveCasino.Actors.Sharding;

/// <summary>
/// A message addressed to an entity by (type, id). Plain data, so a cluster transport can carry it
/// between nodes; the message itself is serialized with the same manifests as persisted events.
/// </summary>
public sealed record ShardEnvelope(string EntityType, string EntityId, object Message);

/// <summary>Stable id-to-shard mapping: the same on every node and every run (unlike string.GetHashCode).</summary>
public static class ShardIds
{
    public static int Of(string entityId, int numberOfShards)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOfShards, 1);

        // FNV-1a over UTF-16 code units.
        var hash = 2166136261u;
        foreach (var c in entityId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)numberOfShards);
    }
}
