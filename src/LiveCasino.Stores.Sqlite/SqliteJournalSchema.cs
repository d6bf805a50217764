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

        CREATE TABLE IF NOT EXISTS journal_metadata (
            persistence_id TEXT NOT NULL PRIMARY KEY,
            highest_sequence_nr INTEGER NOT NULL,
            deleted_to INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS journal_offset (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 0),
            last_ordering INTEGER NOT NULL
        );

        INSERT OR IGNORE INTO journal_offset (id, last_ordering) VALUES (0, 0);
        """;

    public const string ReadOffset = "SELECT last_ordering FROM journal_offset WHERE id = 0;";

    public const string SaveOffset = "UPDATE journal_offset SET last_ordering = $last WHERE id = 0;";

    // Inserts or raises the highest nr; changes nothing (0 rows) when the write starts at or below
    // deleted_to: those rows are gone, so only this check can catch a stale second writer there.
    public const string UpsertMetadata = """
        INSERT INTO journal_metadata (persistence_id, highest_sequence_nr, deleted_to) VALUES ($pid, $high, 0)
        ON CONFLICT (persistence_id) DO UPDATE
            SET highest_sequence_nr = max(highest_sequence_nr, excluded.highest_sequence_nr)
            WHERE deleted_to < $low;
        """;

    public const string InsertEvent = """
        INSERT INTO journal_events (persistence_id, sequence_nr, ordering, written_at, writer_id, manifest, payload, tags)
        VALUES ($pid, $nr, $ordering, $at, $writer, $manifest, $payload, $tags);
        """;

    public const string InsertTag = "INSERT INTO journal_tags (tag, ordering, persistence_id, sequence_nr) VALUES ($tag, $ordering, $pid, $nr);";

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

    public const string ReadHighest = "SELECT highest_sequence_nr FROM journal_metadata WHERE persistence_id = $pid;";

    public const string ReadMetadata = "SELECT highest_sequence_nr, deleted_to FROM journal_metadata WHERE persistence_id = $pid;";

    public const string SelectTaggedToDelete = """
        SELECT ordering, tags FROM journal_events
        WHERE persistence_id = $pid AND sequence_nr <= $to AND tags IS NOT NULL;
        """;

    public const string DeleteTag = "DELETE FROM journal_tags WHERE tag = $tag AND ordering = $ordering;";

    public const string DeleteEvents = "DELETE FROM journal_events WHERE persistence_id = $pid AND sequence_nr <= $to;";

    public const string SaveDeletedTo = "UPDATE journal_metadata SET deleted_to = $to WHERE persistence_id = $pid;";
}
