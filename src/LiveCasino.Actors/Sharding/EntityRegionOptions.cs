namespace LiveCasino.Actors.Sharding;

/// <summary>Typed settings of one entity region (one entity type).</summary>
public sealed record EntityRegionOptions
{
    /// <summary>Default shard count: fixed for the life of a deployment, since ids map to shards by hash.</summary>
    public const int DefaultNumberOfShards = 128;

    /// <summary>Entity type name, e.g. "table" or "wallet"; part of every entity's path.</summary>
    public required string EntityType { get; init; }

    public int NumberOfShards { get; init; } = DefaultNumberOfShards;

    /// <summary>An entity that received nothing for this long is passivated; null keeps entities forever.</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most messages held for one entity while it stops and restarts; past it Tell returns false (dead letter).</summary>
    public int BufferPerEntityMax { get; init; } = 10_000;

    /// <summary>Most live entities; a message for a new entity beyond it is refused (dead letter).</summary>
    public int EntitiesMax { get; init; } = 1_000_000;

    public void Validate()
    {
        Core.ActorNames.Validate(EntityType);
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfShards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferPerEntityMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EntitiesMax, 1);
        if (IdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), "IdleTimeout must be positive or null.");
        }
    }
}
