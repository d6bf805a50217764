using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>Opens the store's connections: one unpooled writer with WAL and the chosen sync, pooled readers.</summary>
internal static class SqliteConnections
{
    // Page cache of the writer (KiB): one hot b-tree page per active entity must stay cached, or
    // every batch re-reads them; 64 MiB holds tens of thousands.
    private const int CacheKib = 65_536;

    public static SqliteConnection OpenWriter(SqliteStoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.DataSource,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = TimeoutSeconds(options),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var sync = options.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
            var busyMs = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            // wal_autocheckpoint: a checkpoint copies WAL pages into the database and syncs it; every
            // 1,000 pages (the default) it halved group-commit throughput, every 16,384 (64 MiB) it does not.
            Execute(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {sync}; PRAGMA busy_timeout = {busyMs}; PRAGMA cache_size = -{CacheKib}; PRAGMA wal_autocheckpoint = 16384;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static string ReaderConnectionString(SqliteStoreOptions options) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = options.DataSource,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = TimeoutSeconds(options),
        }.ToString();

    public static SqliteConnection OpenReader(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Microsoft.Data.Sqlite retries SQLITE_BUSY for the command timeout; round up so 1 ms is still 1 s.
    private static int TimeoutSeconds(SqliteStoreOptions options) => (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
}
