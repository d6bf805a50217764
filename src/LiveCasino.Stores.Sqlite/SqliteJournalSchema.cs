namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// Tables of the SQLite journal (layout version 2).
/// <para>
/// Events are appended to a rowid table keyed by the global read-side offset (<c>ordering</c>),
/// so a batch writes to the tail of one b-tree, and there is no per-entity index: a table or
/// index keyed by persistence id makes a batch from 1,000 entities dirty about 1,000 scattered
/// pages, and SQLite's WAL logs whole pages (4 MB per commit, measured, against 0.1 MB without).
/// </para>
/// <para>
/// Instead each entity's events form a chain of writes. One atomic write occupies a contiguous
/// run of orderings; each of its rows records where the run starts (<c>write_first</c>) and the
/// last ordering of the entity's write before it (<c>previous</c>). <c>journal_streams</c> keeps
/// one small row per entity: its highest sequence nr and last ordering (the head of the chain),
/// read and updated by every write. Replay walks the chain back from the head one write at a time
/// and then reads the runs forwards as range scans.
/// </para>
/// <para>
/// The head row is also the concurrency check: a write whose first nr is not above the highest
/// stored nr is a conflict (a second writer, or a stale one writing into a deleted range).
/// Offsets come from <c>journal_offset</c> inside the write transaction; SQLite admits one writer
/// at a time, so they commit in ascending order and are never reused, even after deletion.
/// </para>
/// </summary>
internal static class SqliteJournalSchema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS journal_streams (
            stream_id INTEGER PRIMARY KEY,
            persistence_id TEXT NOT NULL UNIQUE,
            highest_sequence_nr INTEGER NOT NULL,
            last_ordering INTEGER NOT NULL,
            deleted_to INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE IF NOT EXISTS journal_events (
            ordering INTEGER PRIMARY KEY,
            stream_id INTEGER NOT NULL,
            sequence_nr INTEGER NOT NULL,
            write_first INTEGER NOT NULL,
            previous INTEGER NOT NULL,
            written_at INTEGER NOT NULL,
            writer_id TEXT NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            tags TEXT NULL
        );

        CREATE TABLE IF NOT EXISTS journal_tags (
            tag TEXT NOT NULL,
            ordering INTEGER NOT NULL,
            PRIMARY KEY (tag, ordering)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS journal_offset (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 0),
            last_ordering INTEGER NOT NULL
        );

        INSERT OR IGNORE INTO journal_offset (id, last_ordering) VALUES (0, 0);
        """;

    /// <summary>Non-zero for a file of the first layout (events clustered by persistence id), which this version cannot read.</summary>
    public const string DetectVersion1 = "SELECT count(*) FROM pragma_table_info('journal_events') WHERE name = 'persistence_id';";

    public const string ReadOffset = "SELECT last_ordering FROM journal_offset WHERE id = 0;";

    public const string SaveOffset = "UPDATE journal_offset SET last_ordering = ?1 WHERE id = 0;";

    /// <summary>?1 persistence id -> stream_id, highest_sequence_nr, last_ordering.</summary>
    public const string ReadStream = "SELECT stream_id, highest_sequence_nr, last_ordering FROM journal_streams WHERE persistence_id = ?1;";

    public const string AddStream = "INSERT INTO journal_streams (persistence_id, highest_sequence_nr, last_ordering) VALUES (?1, 0, 0);";

    public const string AdvanceStream = "UPDATE journal_streams SET highest_sequence_nr = ?2, last_ordering = ?3 WHERE stream_id = ?1;";

    public const string InsertEvent = """
        INSERT INTO journal_events (ordering, stream_id, sequence_nr, write_first, previous, written_at, writer_id, manifest, payload, tags)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);
        """;

    public const string InsertTag = "INSERT OR IGNORE INTO journal_tags (tag, ordering) VALUES (?1, ?2);";

    /// <summary>?1 ordering -> sequence_nr, write_first, previous of one row (the last row of a write, on a chain walk).</summary>
    public const string ReadLink = "SELECT sequence_nr, write_first, previous FROM journal_events WHERE ordering = ?1 AND stream_id = ?2;";

    // Columns of every event read: 0 sequence_nr, 1 ordering, 2 written_at, 3 writer_id, 4 manifest, 5 payload, 6 tags, 7 persistence_id.

    /// <summary>One run of a stream's chain: ?1..?2 orderings, ?3..?4 sequence nrs, ?5 stream id.</summary>
    public const string ReadRun = """
        SELECT sequence_nr, ordering, written_at, writer_id, manifest, payload, tags
        FROM journal_events
        WHERE ordering >= ?1 AND ordering <= ?2 AND sequence_nr >= ?3 AND sequence_nr <= ?4 AND stream_id = ?5
        ORDER BY ordering;
        """;

    public const string ReadTagged = """
        SELECT e.sequence_nr, t.ordering, e.written_at, e.writer_id, e.manifest, e.payload, e.tags, s.persistence_id
        FROM journal_tags t
        JOIN journal_events e ON e.ordering = t.ordering
        JOIN journal_streams s ON s.stream_id = e.stream_id
        WHERE t.tag = ?1 AND t.ordering > ?2
        ORDER BY t.ordering
        LIMIT ?3;
        """;

    // stream_id is a rowid handed out by the single writer inside its transaction, and streams are never removed.
    public const string ReadPersistenceIds = "SELECT stream_id, persistence_id FROM journal_streams WHERE stream_id > $after ORDER BY stream_id LIMIT $max;";

    public const string ReadHighest = "SELECT highest_sequence_nr FROM journal_streams WHERE persistence_id = $pid;";

    public const string ReadDeletedTo = "SELECT deleted_to FROM journal_streams WHERE stream_id = $stream;";

    public const string SelectTaggedToDelete = """
        SELECT ordering, tags FROM journal_events
        WHERE ordering >= $first AND ordering <= $last AND sequence_nr <= $to AND tags IS NOT NULL;
        """;

    public const string DeleteTag = "DELETE FROM journal_tags WHERE tag = $tag AND ordering = $ordering;";

    public const string DeleteRun = "DELETE FROM journal_events WHERE ordering >= $first AND ordering <= $last AND sequence_nr <= $to;";

    public const string SaveDeletedTo = "UPDATE journal_streams SET deleted_to = $to WHERE stream_id = $stream;";
}
