namespace LiveCasino.Stores.Sqlite;

/// <summary>Options of <see cref="SqliteJournal"/> and <see cref="SqliteSnapshotStore"/> (they may share one file).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Longest accepted <see cref="BusyTimeout"/>: past it a stuck lock should surface as an error.</summary>
    public static readonly TimeSpan BusyTimeoutMax = TimeSpan.FromMinutes(5);

    /// <summary>Path of the database file; created if missing. In-memory databases are refused (WAL needs a file).</summary>
    public string DataSource { get; set; } = string.Empty;

    /// <summary>Durability of commits. <see cref="SqliteSynchronousMode.Full"/> unless you accept losing the last commits on power loss.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>How long a statement waits for another connection's lock before failing with SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public SqliteStoreOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(DataSource))
        {
            throw new ArgumentException("SqliteStoreOptions.DataSource must name a database file.", nameof(DataSource));
        }

        if (DataSource.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("SqliteStoreOptions.DataSource must be a file: WAL mode and separate reader connections need one.", nameof(DataSource));
        }

        if (!Enum.IsDefined(Synchronous))
        {
            throw new ArgumentOutOfRangeException(nameof(Synchronous), Synchronous, "Unknown synchronous mode.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.FromMilliseconds(1), nameof(BusyTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BusyTimeout, BusyTimeoutMax, nameof(BusyTimeout));
        return this;
    }
}
