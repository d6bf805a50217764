using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// The writer's statements, prepared once and reused for every batch: per event only bound values
/// change. Transactions are plain BEGIN IMMEDIATE / COMMIT statements so the same statements serve
/// every transaction. Parameter positions are the ?N of <see cref="SqliteJournalSchema"/>.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SQLitePCL.sqlite3 _handle;

    public SqliteWriteCommands(SqliteConnection writer)
    {
        _handle = writer.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Begin = new SqliteStatement(writer, "BEGIN IMMEDIATE;");
        Commit = new SqliteStatement(writer, "COMMIT;");
        Rollback = new SqliteStatement(writer, "ROLLBACK;");
        ReadOffset = new SqliteStatement(writer, SqliteJournalSchema.ReadOffset);
        SaveOffset = new SqliteStatement(writer, SqliteJournalSchema.SaveOffset);
        ReadStream = new SqliteStatement(writer, SqliteJournalSchema.ReadStream);
        AddStream = new SqliteStatement(writer, SqliteJournalSchema.AddStream);
        AdvanceStream = new SqliteStatement(writer, SqliteJournalSchema.AdvanceStream);
        InsertEvent = new SqliteStatement(writer, SqliteJournalSchema.InsertEvent);
        InsertTag = new SqliteStatement(writer, SqliteJournalSchema.InsertTag);
        ReadLink = new SqliteStatement(writer, SqliteJournalSchema.ReadLink);
    }

    public SqliteStatement Begin { get; }

    public SqliteStatement Commit { get; }

    public SqliteStatement Rollback { get; }

    public SqliteStatement ReadOffset { get; }

    /// <summary>?1 last ordering.</summary>
    public SqliteStatement SaveOffset { get; }

    /// <summary>?1 persistence id -> stream id, highest nr, last ordering.</summary>
    public SqliteStatement ReadStream { get; }

    /// <summary>?1 persistence id; then <see cref="LastInsertRowId"/> is its stream id.</summary>
    public SqliteStatement AddStream { get; }

    /// <summary>?1 stream id, ?2 highest nr, ?3 last ordering.</summary>
    public SqliteStatement AdvanceStream { get; }

    /// <summary>?1 ordering, ?2 stream id, ?3 nr, ?4 write_first, ?5 previous, ?6 ticks, ?7 writer, ?8 manifest, ?9 payload, ?10 tags.</summary>
    public SqliteStatement InsertEvent { get; }

    /// <summary>?1 tag, ?2 ordering.</summary>
    public SqliteStatement InsertTag { get; }

    /// <summary>?1 ordering, ?2 stream id -> nr, write_first, previous.</summary>
    public SqliteStatement ReadLink { get; }

    public long LastInsertRowId() => SQLitePCL.raw.sqlite3_last_insert_rowid(_handle);

    public void Dispose()
    {
        Begin.Dispose();
        Commit.Dispose();
        Rollback.Dispose();
        ReadOffset.Dispose();
        SaveOffset.Dispose();
        ReadStream.Dispose();
        AddStream.Dispose();
        AdvanceStream.Dispose();
        InsertEvent.Dispose();
        InsertTag.Dispose();
        ReadLink.Dispose();
    }
}
