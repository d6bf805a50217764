using LiveCasino.Stores.Sqlite;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Tests.Sqlite;

/// <summary>A fresh database file in its own temp directory for one test class; removed afterwards.</summary>
public sealed class SqliteFileFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "livecasino-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public SqliteFileFixture() => Directory.CreateDirectory(_directory);

    public SqliteStoreOptions Options => new() { DataSource = Path.Combine(_directory, "store.db") };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test run over it.
        }
    }
}
