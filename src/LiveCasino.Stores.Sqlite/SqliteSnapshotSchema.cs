namespace LiveCasino.Stores.Sqlite;

/// <summary>The snapshot table; clustered by (persistence_id, sequence_nr) so "latest below N" is one seek.</summary>
internal static class SqliteSnapshotSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS snapshots (
            persistence_id TEXT NOT NULL,
            sequence_nr INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            manifest TEXT NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        ) WITHOUT ROWID;
        """;

    public const string Save = """
        INSERT INTO snapshots (persistence_id, sequence_nr, created_at, manifest, payload)
        VALUES ($pid, $nr, $at, $manifest, $payload)
        ON CONFLICT (persistence_id, sequence_nr) DO UPDATE
            SET created_at = excluded.created_at, manifest = excluded.manifest, payload = excluded.payload;
        """;

    public const string Load = """
        SELECT sequence_nr, created_at, manifest, payload FROM snapshots
        WHERE persistence_id = $pid AND sequence_nr >= $min AND sequence_nr <= $max AND created_at >= $minat AND created_at <= $maxat
        ORDER BY sequence_nr DESC
        LIMIT 1;
        """;

    public const string Delete = """
        DELETE FROM snapshots
        WHERE persistence_id = $pid AND sequence_nr >= $min AND sequence_nr <= $max AND created_at >= $minat AND created_at <= $maxat;
        """;
}
