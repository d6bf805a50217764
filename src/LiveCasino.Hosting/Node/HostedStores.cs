using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Hosting.Options;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Sqlite;

namespace LiveCasino.Hosting.Node;

/// <summary>Opens the configured store: a journal behind group commit, and a snapshot store.</summary>
public static class HostedStores
{
    public static BatchingJournalOptions BatchingOptions(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BatchingJournalOptions
        {
            QueueCapacity = options.BatchQueueCapacity,
            MaxBatchWrites = options.BatchMaxWrites,
            MaxBatchEvents = options.BatchMaxEvents,
        };
    }

    /// <summary>The SQLite file's full path: relative names live under the data directory.</summary>
    public static string SqlitePath(NodeOptions node, StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(store);
        return Path.GetFullPath(Path.IsPathRooted(store.SqliteFile) ? store.SqliteFile : Path.Combine(node.DataDirectory, store.SqliteFile));
    }

    public static async Task<(IJournal Journal, ISnapshotStore Snapshots)> OpenAsync(
        NodeOptions node, StoreOptions store, EventSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(store);
        IJournal inner;
        ISnapshotStore snapshots;
        if (store.Provider == StoreProvider.Sqlite)
        {
            var path = SqlitePath(node, store);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new SqliteStoreOptions { DataSource = path, Synchronous = store.SqliteSynchronous, BusyTimeout = store.SqliteBusyTimeout };
            inner = await SqliteJournal.OpenAsync(options, serializer, cancellationToken).ConfigureAwait(false);
            try
            {
                snapshots = await SqliteSnapshotStore.OpenAsync(options, serializer, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await inner.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        else
        {
            var options = new PostgresStoreOptions { ConnectionString = store.PostgresConnectionString, Schema = store.PostgresSchema };
            inner = await PostgresJournal.OpenAsync(options, serializer, cancellationToken).ConfigureAwait(false);
            try
            {
                snapshots = await PostgresSnapshotStore.OpenAsync(options, serializer, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await inner.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return (new BatchingJournal(inner, BatchingOptions(store)), snapshots);
    }
}
