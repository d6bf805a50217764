namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// Tables of the SQLite journal. Events are clustered by (persistence_id, sequence_nr) in a
/// WITHOUT ROWID table, so a replay is one range scan of one b-tree. The global read-side offset
/// (<c>ordering</c>) is handed out by the writer from <c>journal_offset</c> inside the write
/// transaction; SQLite admits one writer at a time, so offsets are committed in ascending order.
/// </summary>
internal static class SqliteJournalSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS journal_events (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            ordering INTEGER NOT NULL,
            written_at INTEGER NOT NULL,
            writer_id TEXT NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            tags TEXT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS journal_tags (
            tag TEXT NOT NULL,
            ordering INTEGER NOT NULL,
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            PRIMARY KEY (tag, ordering)
        ) WITHOUT ROWID;

        -- Written only by deletion: keeps the highest nr and how far deletion reached.
        CREATE TABLE IF NOT EXISTS journal_metadata (
            persistence_id TEXT NOT NULL PRIMARY KEY,
            highest_sequence_nr INTEGER NOT NULL,
            deleted_to INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;

        -- Deleted rows are gone, so the primary key cannot catch a stale writer reusing their
        -- numbers; metadata rows exist only for ids with deletions, so this check is one small seek.
        CREATE TRIGGER IF NOT EXISTS journal_events_not_deleted BEFORE INSERT ON journal_events
        WHEN NEW.sequence_nr <= (SELECT deleted_to FROM journal_metadata WHERE persistence_id = NEW.persistence_id)
        BEGIN
            SELECT RAISE(ABORT, 'livecasino: sequence nr in deleted range');
        END;

        CREATE TABLE IF NOT EXISTS journal_offset (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 0),
            last_ordering INTEGER NOT NULL
        );

        INSERT OR IGNORE INTO journal_offset (id, last_ordering) VALUES (0, 0);
        """;

    public const string ReadOffset = "SELECT last_ordering FROM journal_offset WHERE id = 0;";

    public const string SaveOffset = "UPDATE journal_offset SET last_ordering = ?1 WHERE id = 0;";

    public const string InsertEvent = """
        INSERT INTO journal_events (persistence_id, sequence_nr, ordering, written_at, writer_id, manifest, payload, tags)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);
        """;

    public const string InsertTag = "INSERT INTO journal_tags (tag, ordering, persistence_id, sequence_nr) VALUES (?1, ?2, ?3, ?4);";

    public const string Replay = """
        SELECT sequence_nr, ordering, written_at, writer_id, manifest, payload, tags
        FROM journal_events
        WHERE persistence_id = $pid AND sequence_nr >= $from AND sequence_nr <= $to
        ORDER BY sequence_nr
        LIMIT $max;
        """;

    public const string ReadTagged = """
        SELECT e.sequence_nr, t.ordering, e.written_at, e.writer_id, e.manifest, e.payload, e.tags, e.persistence_id
        FROM journal_tags t
        JOIN journal_events e ON e.persistence_id = t.persistence_id AND e.sequence_nr = t.sequence_nr
        WHERE t.tag = $tag AND t.ordering > $after
        ORDER BY t.ordering
        LIMIT $max;
        """;

    // The newest row, or the metadata of an id whose newest rows were deleted: deletion never lowers it.
    public const string ReadHighest = """
        SELECT max(
            coalesce((SELECT max(sequence_nr) FROM journal_events WHERE persistence_id = $pid), 0),
            coalesce((SELECT highest_sequence_nr FROM journal_metadata WHERE persistence_id = $pid), 0));
        """;

    public const string ReadDeletedTo = "SELECT deleted_to FROM journal_metadata WHERE persistence_id = $pid;";

    public const string SelectTaggedToDelete = """
        SELECT ordering, tags FROM journal_events
        WHERE persistence_id = $pid AND sequence_nr <= $to AND tags IS NOT NULL;
        """;

    public const string DeleteTag = "DELETE FROM journal_tags WHERE tag = $tag AND ordering = $ordering;";

    public const string DeleteEvents = "DELETE FROM journal_events WHERE persistence_id = $pid AND sequence_nr <= $to;";

    public const string SaveDeletedTo = """
        INSERT INTO journal_metadata (persistence_id, highest_sequence_nr, deleted_to) VALUES ($pid, $highest, $to)
        ON CONFLICT (persistence_id) DO UPDATE
            SET highest_sequence_nr = max(highest_sequence_nr, excluded.highest_sequence_nr), deleted_to = excluded.deleted_to;
        """;
}
