namespace LiveCasino.Stores.Snapshots;

/// <summary>Where a snapshot sits in an entity's history.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);

/// <summary>A stored snapshot with its (deserialized) state.</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object State);

/// <summary>Bounds on which snapshots a load or delete considers (all inclusive).</summary>
public sealed record SnapshotCriteria(long MaxSequenceNr = long.MaxValue, long MinSequenceNr = 0)
{
    public static SnapshotCriteria Latest { get; } = new();

    /// <summary>Latest creation time considered.</summary>
    public DateTimeOffset MaxTimestamp { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>Earliest creation time considered.</summary>
    public DateTimeOffset MinTimestamp { get; init; } = DateTimeOffset.MinValue;

    public bool Matches(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr >= MinSequenceNr && metadata.SequenceNr <= MaxSequenceNr
            && metadata.Timestamp >= MinTimestamp && metadata.Timestamp <= MaxTimestamp;
    }
}

/// <summary>The snapshot store contract; behaviour pinned by the conformance suite.</summary>
public interface ISnapshotStore : IAsyncDisposable
{
    /// <summary>Saves a snapshot; saving again at the same (id, nr) replaces it.</summary>
    Task SaveAsync(SnapshotMetadata metadata, object state, CancellationToken cancellationToken);

    /// <summary>The youngest snapshot matching the criteria, or null.</summary>
    Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Deletes every snapshot matching the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken);
}
