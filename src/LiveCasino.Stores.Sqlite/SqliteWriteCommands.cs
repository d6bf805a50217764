using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// The writer's statements, prepared once and reused for every batch: per event only parameter
/// values change. Transactions are plain BEGIN IMMEDIATE / COMMIT statements so the same commands
/// serve every transaction without re-binding.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly List<SqliteCommand> _all = [];

    public SqliteWriteCommands(SqliteConnection writer)
    {
        Begin = Create(writer, "BEGIN IMMEDIATE;");
        Commit = Create(writer, "COMMIT;");
        Rollback = Create(writer, "ROLLBACK;");
        ReadOffset = Create(writer, SqliteJournalSchema.ReadOffset);

        SaveOffset = Create(writer, SqliteJournalSchema.SaveOffset);
        SaveOffsetLast = SaveOffset.Parameters.Add("$last", SqliteType.Integer);

        UpsertMetadata = Create(writer, SqliteJournalSchema.UpsertMetadata);
        MetaPid = UpsertMetadata.Parameters.Add("$pid", SqliteType.Text);
        MetaHigh = UpsertMetadata.Parameters.Add("$high", SqliteType.Integer);
        MetaLow = UpsertMetadata.Parameters.Add("$low", SqliteType.Integer);

        InsertEvent = Create(writer, SqliteJournalSchema.InsertEvent);
        EventPid = InsertEvent.Parameters.Add("$pid", SqliteType.Text);
        EventNr = InsertEvent.Parameters.Add("$nr", SqliteType.Integer);
        EventOrdering = InsertEvent.Parameters.Add("$ordering", SqliteType.Integer);
        EventAt = InsertEvent.Parameters.Add("$at", SqliteType.Integer);
        EventWriter = InsertEvent.Parameters.Add("$writer", SqliteType.Text);
        EventManifest = InsertEvent.Parameters.Add("$manifest", SqliteType.Text);
        EventPayload = InsertEvent.Parameters.Add("$payload", SqliteType.Blob);
        EventTags = InsertEvent.Parameters.Add("$tags", SqliteType.Text);

        InsertTag = Create(writer, SqliteJournalSchema.InsertTag);
        TagTag = InsertTag.Parameters.Add("$tag", SqliteType.Text);
        TagOrdering = InsertTag.Parameters.Add("$ordering", SqliteType.Integer);
        TagPid = InsertTag.Parameters.Add("$pid", SqliteType.Text);
        TagNr = InsertTag.Parameters.Add("$nr", SqliteType.Integer);

        foreach (var command in _all)
        {
            command.Prepare();
        }
    }

    public SqliteCommand Begin { get; }

    public SqliteCommand Commit { get; }

    public SqliteCommand Rollback { get; }

    public SqliteCommand ReadOffset { get; }

    public SqliteCommand SaveOffset { get; }

    public SqliteParameter SaveOffsetLast { get; }

    public SqliteCommand UpsertMetadata { get; }

    public SqliteParameter MetaPid { get; }

    public SqliteParameter MetaHigh { get; }

    public SqliteParameter MetaLow { get; }

    public SqliteCommand InsertEvent { get; }

    public SqliteParameter EventPid { get; }

    public SqliteParameter EventNr { get; }

    public SqliteParameter EventOrdering { get; }

    public SqliteParameter EventAt { get; }

    public SqliteParameter EventWriter { get; }

    public SqliteParameter EventManifest { get; }

    public SqliteParameter EventPayload { get; }

    public SqliteParameter EventTags { get; }

    public SqliteCommand InsertTag { get; }

    public SqliteParameter TagTag { get; }

    public SqliteParameter TagOrdering { get; }

    public SqliteParameter TagPid { get; }

    public SqliteParameter TagNr { get; }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Create(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        _all.Add(command);
        return command;
    }
}
