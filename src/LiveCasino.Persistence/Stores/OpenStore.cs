using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Snapshots;

namespace LiveCasino.Persistence.Stores;

/// <summary>
/// One opened store shared by the journal, snapshot store and read journal plugins of an actor
/// system: the group-commit journal (every persistent actor writes through its one queue) and the
/// snapshot store over the same database.
/// </summary>
public sealed class OpenStore : IAsyncDisposable
{
    private readonly IJournal _store;
    private readonly bool _ownsStores;

    /// <param name="ownsStores">False when the caller opened the stores and closes them itself (see <see cref="StoreRegistry.Provide"/>).</param>
    public OpenStore(StoreSettings settings, IJournal store, ISnapshotStore snapshots, bool ownsStores = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshots);
        Settings = settings;
        _store = store;
        _ownsStores = ownsStores;
        // A copy: the settings' options stay as given whoever owns the stores.
        var batching = new BatchingJournalOptions
        {
            QueueCapacity = settings.Batching.QueueCapacity,
            MaxBatchWrites = settings.Batching.MaxBatchWrites,
            MaxBatchEvents = settings.Batching.MaxBatchEvents,
            DisposeInner = ownsStores,
        };
        Journal = new BatchingJournal(store, batching);
        Snapshots = snapshots;
    }

    public StoreSettings Settings { get; }

    /// <summary>The store behind a <see cref="BatchingJournal"/>.</summary>
    public IJournal Journal { get; }

    public ISnapshotStore Snapshots { get; }

    /// <summary>
    /// Closes the database under the queue at once, as a crash would: the batch being stored is
    /// rolled back and its writers, and everyone queued behind them, get a failure. For fault drills
    /// and the crash tests; a node stops through <see cref="DisposeAsync"/>. Stores the caller owns
    /// (<see cref="StoreRegistry.Provide"/>) are left open: only the queue stops.
    /// </summary>
    public async ValueTask AbortAsync()
    {
        if (_ownsStores)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stores every queued write, then closes both stores (unless the caller owns them).</summary>
    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync().ConfigureAwait(false);
        if (_ownsStores)
        {
            await Snapshots.DisposeAsync().ConfigureAwait(false);
        }
    }
}
