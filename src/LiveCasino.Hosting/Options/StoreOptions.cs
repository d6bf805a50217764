using LiveCasino.Stores.Sqlite;

namespace LiveCasino.Hosting.Options;

/// <summary>Configuration section <c>LiveCasino:Store</c>: the journal and snapshot store.</summary>
public sealed class StoreOptions
{
    public const string Section = "LiveCasino:Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>SQLite file name, relative to <see cref="NodeOptions.DataDirectory"/> unless rooted.</summary>
    public string SqliteFile { get; set; } = "livecasino.db";

    public SqliteSynchronousMode SqliteSynchronous { get; set; } = SqliteSynchronousMode.Full;

    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is Postgres.</summary>
    public string PostgresConnectionString { get; set; } = string.Empty;

    public string PostgresSchema { get; set; } = "livecasino";

    /// <summary>Group commit in front of the store: queue and batch limits.</summary>
    public int BatchQueueCapacity { get; set; } = 16_384;

    public int BatchMaxWrites { get; set; } = 1_000;

    public int BatchMaxEvents { get; set; } = 4_000;
}
