using LiveCasino.Stores.Journal;

namespace LiveCasino.Hosting.Options;

/// <summary>Where the typed store options put the store, and its group-commit settings (used by the engine's HOCON and the validator).</summary>
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

}
