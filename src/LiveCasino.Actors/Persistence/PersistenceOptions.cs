namespace LiveCasino.Actors.Persistence;

/// <summary>Typed settings of event-sourced actors.</summary>
public sealed record PersistenceOptions
{
    /// <summary>Save a snapshot every N events (0 = never, unless the actor asks).</summary>
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>
    /// Most actors recovering at once on this node. Thousands of entities waking together (a node
    /// start, a shard move) queue for a permit instead of flooding the store: the recovery storm
    /// Akka users report.
    /// </summary>
    public int MaxConcurrentRecoveries { get; init; } = 64;

    /// <summary>Most events one PersistAll may hold.</summary>
    public int EventsPerWriteMax { get; init; } = 10_000;

    public static PersistenceOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(SnapshotEvery);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRecoveries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EventsPerWriteMax, 1);
    }
}
