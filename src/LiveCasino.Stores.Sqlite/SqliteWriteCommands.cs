using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// The writer's statements, prepared once and reused for every batch: per event only bound values
/// change. Transactions are plain BEGIN IMMEDIATE / COMMIT statements so the same statements serve
/// every transaction. Parameter positions are the ?N of <see cref="SqliteJournalSchema"/>.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    public SqliteWriteCommands(SqliteConnection writer)
    {
        Begin = new SqliteStatement(writer, "BEGIN IMMEDIATE;");
        Commit = new SqliteStatement(writer, "COMMIT;");
        Rollback = new SqliteStatement(writer, "ROLLBACK;");
        ReadOffset = new SqliteStatement(writer, SqliteJournalSchema.ReadOffset);
        SaveOffset = new SqliteStatement(writer, SqliteJournalSchema.SaveOffset);
        InsertEvent = new SqliteStatement(writer, SqliteJournalSchema.InsertEvent);
        InsertTag = new SqliteStatement(writer, SqliteJournalSchema.InsertTag);
    }

    public SqliteStatement Begin { get; }

    public SqliteStatement Commit { get; }

    public SqliteStatement Rollback { get; }

    public SqliteStatement ReadOffset { get; }

    /// <summary>?1 last ordering.</summary>
    public SqliteStatement SaveOffset { get; }

    /// <summary>?1 id, ?2 nr, ?3 ordering, ?4 ticks, ?5 writer, ?6 manifest, ?7 payload, ?8 tags.</summary>
    public SqliteStatement InsertEvent { get; }

    /// <summary>?1 tag, ?2 ordering, ?3 id, ?4 nr.</summary>
    public SqliteStatement InsertTag { get; }

    public void Dispose()
    {
        Begin.Dispose();
        Commit.Dispose();
        Rollback.Dispose();
        ReadOffset.Dispose();
        SaveOffset.Dispose();
        InsertEvent.Dispose();
        InsertTag.Dispose();
    }
}
