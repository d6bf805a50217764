namespace LiveCasino.Stores.Postgres;

/// <summary>
/// SQL of the PostgreSQL journal for one schema. Offsets (<c>ordering</c>) come from an identity
/// column, and every write transaction first takes one transaction-scoped advisory lock per schema,
/// so offsets are handed out and committed in the same order on every node: a follower that saw
/// offset N can never later see a smaller offset appear (the concurrent-commit gap of plain BIGSERIAL).
/// </summary>
internal sealed class PostgresJournalSql
{
    public PostgresJournalSql(string schema)
    {
        Schema = schema;
        WriteLockKey = LockKey("livecasino.journal:" + schema);
        Create = $$"""
            CREATE SCHEMA IF NOT EXISTS {{schema}};

            CREATE TABLE IF NOT EXISTS {{schema}}.journal_events (
                ordering BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                written_at TIMESTAMPTZ NOT NULL,
                writer_id TEXT NOT NULL,
                manifest TEXT NOT NULL,
                payload BYTEA NOT NULL,
                tags TEXT[] NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            );

            CREATE TABLE IF NOT EXISTS {{schema}}.journal_tags (
                tag TEXT NOT NULL,
                ordering BIGINT NOT NULL,
                persistence_id TEXT NOT NULL,
                sequence_nr BIGINT NOT NULL,
                PRIMARY KEY (tag, ordering)
            );

            -- Only entities with a deletion have a row: the highest nr the deleted rows may have held,
            -- and how far deletion went. Writes never touch it (a row per write was half a batch's cost).
            CREATE TABLE IF NOT EXISTS {{schema}}.journal_metadata (
                persistence_id TEXT NOT NULL PRIMARY KEY,
                highest_sequence_nr BIGINT NOT NULL,
                deleted_to BIGINT NOT NULL DEFAULT 0
            );

            -- Persistence ids in the order of their first write (an entity's write that starts at nr 1),
            -- numbered under the writers' lock like the events, so positions never appear out of order.
            CREATE TABLE IF NOT EXISTS {{schema}}.journal_ids (
                position BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
                persistence_id TEXT NOT NULL PRIMARY KEY
            );
            CREATE UNIQUE INDEX IF NOT EXISTS journal_ids_position ON {{schema}}.journal_ids (position);

            -- Deleted rows are gone, so the primary key cannot catch a stale writer reusing their
            -- numbers: this check, run once per batch, raises the same unique_violation instead.
            CREATE OR REPLACE FUNCTION {{schema}}.journal_check_deleted(pids TEXT[], lowest BIGINT[]) RETURNS VOID
            LANGUAGE plpgsql AS $fn$
            DECLARE
                hit RECORD;
            BEGIN
                SELECT w.pid, w.low INTO hit
                FROM unnest(pids, lowest) AS w(pid, low)
                JOIN {{schema}}.journal_metadata m ON m.persistence_id = w.pid
                WHERE w.low <= m.deleted_to
                LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION USING ERRCODE = 'unique_violation',
                        MESSAGE = format('sequence nr %s of %s is at or below the deleted range', hit.low, hit.pid);
                END IF;
            END
            $fn$;
            """;

        Lock = "SELECT pg_advisory_xact_lock($1)";
        CheckDeleted = $"SELECT {schema}.journal_check_deleted($1, $2)";

        InsertIds = $"""
            INSERT INTO {schema}.journal_ids (persistence_id)
            SELECT w.pid FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS w(pid, low, i)
            WHERE w.low = 1
            ORDER BY w.i
            ON CONFLICT (persistence_id) DO NOTHING
            """;

        ReadIds = $"SELECT position, persistence_id FROM {schema}.journal_ids WHERE position > $1 ORDER BY position LIMIT $2";

        // Array order is kept (WITH ORDINALITY + ORDER BY) so offsets follow the batch's FIFO order.
        InsertEvents = $"""
            WITH ev AS (
                INSERT INTO {schema}.journal_events (persistence_id, sequence_nr, written_at, writer_id, manifest, payload, tags)
                SELECT u.pid, u.nr, u.at, u.writer, u.manifest, u.payload, string_to_array(u.tags, chr(31))
                FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::bytea[], $7::text[])
                    WITH ORDINALITY AS u(pid, nr, at, writer, manifest, payload, tags, i)
                ORDER BY u.i
                RETURNING ordering, persistence_id, sequence_nr, tags
            )
            INSERT INTO {schema}.journal_tags (tag, ordering, persistence_id, sequence_nr)
            SELECT t.tag, ev.ordering, ev.persistence_id, ev.sequence_nr
            FROM ev CROSS JOIN LATERAL unnest(ev.tags) AS t(tag)
            """;

        Replay = $"""
            SELECT sequence_nr, ordering, written_at, writer_id, manifest, payload, tags
            FROM {schema}.journal_events
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3
            ORDER BY sequence_nr
            LIMIT $4
            """;

        ReadTagged = $"""
            SELECT e.sequence_nr, t.ordering, e.written_at, e.writer_id, e.manifest, e.payload, e.tags, e.persistence_id
            FROM {schema}.journal_tags t
            JOIN {schema}.journal_events e ON e.persistence_id = t.persistence_id AND e.sequence_nr = t.sequence_nr
            WHERE t.tag = $1 AND t.ordering > $2
            ORDER BY t.ordering
            LIMIT $3
            """;

        // The newest stored nr, or the one remembered when a deletion removed it (one index probe each).
        ReadHighest = $"""
            SELECT GREATEST(
                (SELECT max(sequence_nr) FROM {schema}.journal_events WHERE persistence_id = $1),
                (SELECT highest_sequence_nr FROM {schema}.journal_metadata WHERE persistence_id = $1),
                0)
            """;

        // Run after Lock in the same transaction, so no batch commits between reading the highest nr
        // and deleting. Remembers the highest nr (the rows that held it may go), raises deleted_to
        // (never past the highest nr), then drops the rows and their tag rows.
        Delete = $"""
            WITH h AS (
                SELECT GREATEST(
                    (SELECT max(sequence_nr) FROM {schema}.journal_events WHERE persistence_id = $1),
                    (SELECT highest_sequence_nr FROM {schema}.journal_metadata WHERE persistence_id = $1)) AS highest
            ), m AS (
                INSERT INTO {schema}.journal_metadata AS md (persistence_id, highest_sequence_nr, deleted_to)
                SELECT $1, h.highest, LEAST($2, h.highest) FROM h WHERE h.highest IS NOT NULL
                ON CONFLICT (persistence_id) DO UPDATE
                    SET highest_sequence_nr = excluded.highest_sequence_nr,
                        deleted_to = GREATEST(md.deleted_to, excluded.deleted_to)
                RETURNING deleted_to
            ), d AS (
                DELETE FROM {schema}.journal_events e USING m
                WHERE e.persistence_id = $1 AND e.sequence_nr <= m.deleted_to
                RETURNING e.ordering, e.tags
            )
            DELETE FROM {schema}.journal_tags t USING d, unnest(d.tags) AS x(tag)
            WHERE t.tag = x.tag AND t.ordering = d.ordering
            """;
    }

    public string Schema { get; }

    /// <summary>Advisory lock id of this schema's writers; different schemas never wait for each other.</summary>
    public long WriteLockKey { get; }

    public string Create { get; }

    public string Lock { get; }

    public string CheckDeleted { get; }

    public string InsertEvents { get; }

    public string InsertIds { get; }

    public string ReadIds { get; }

    public string Replay { get; }

    public string ReadTagged { get; }

    public string ReadHighest { get; }

    public string Delete { get; }

    // FNV-1a 64: stable across processes and .NET versions, unlike string.GetHashCode.
    private static long LockKey(string text)
    {
        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * prime;
        }

        return unchecked((long)hash);
    }
}
