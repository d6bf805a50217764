using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Snapshot;
using LiveCasino.Persistence.Stores;
using StoreSnapshots = LiveCasino.Stores.Snapshots;

namespace LiveCasino.Persistence.Snapshots;

/// <summary>
/// Akka.Persistence snapshot store over the same database as <see cref="Journal.GroupCommitJournal"/>.
/// Saving at an existing (id, nr) replaces the snapshot; loads pick the youngest snapshot within the
/// sequence and time bounds; a snapshot that cannot be read fails the load (Akka then falls back to
/// an older one or a full replay).
/// </summary>
public sealed class GroupCommitSnapshotStore : SnapshotStore
{
    private readonly Task<OpenStore> _store;

    public GroupCommitSnapshotStore(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _store = StoreRegistry.For(Context.System).GetAsync(config.GetString("store"));
    }

    protected override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var store = await _store.ConfigureAwait(false);
        var found = await store.Snapshots.LoadAsync(persistenceId, ToCriteria(criteria), cancellationToken).ConfigureAwait(false);
        return found is null
            ? null
            : new SelectedSnapshot(new SnapshotMetadata(persistenceId, found.Metadata.SequenceNr, found.Metadata.Timestamp.UtcDateTime), found.State);
    }

    protected override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var store = await _store.ConfigureAwait(false);
        var meta = new StoreSnapshots.SnapshotMetadata(metadata.PersistenceId, metadata.SequenceNr, AsUtc(metadata.Timestamp));
        await store.Snapshots.SaveAsync(meta, snapshot, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var store = await _store.ConfigureAwait(false);
        var exactly = new StoreSnapshots.SnapshotCriteria(metadata.SequenceNr, metadata.SequenceNr);
        await store.Snapshots.DeleteAsync(metadata.PersistenceId, exactly, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var store = await _store.ConfigureAwait(false);
        await store.Snapshots.DeleteAsync(persistenceId, ToCriteria(criteria), cancellationToken).ConfigureAwait(false);
    }

    private static StoreSnapshots.SnapshotCriteria ToCriteria(SnapshotSelectionCriteria c) =>
        new(c.MaxSequenceNr, c.MinSequenceNr)
        {
            MaxTimestamp = AsUtc(c.MaxTimeStamp),
            MinTimestamp = c.MinTimestamp is { } min ? AsUtc(min) : DateTimeOffset.MinValue,
        };

    // Akka stamps snapshots with DateTime.UtcNow; an unspecified kind is read as UTC, never as local time.
    private static DateTimeOffset AsUtc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
