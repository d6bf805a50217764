using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using Npgsql;

namespace LiveCasino.Stores.Postgres;

/// <summary>Snapshot store in PostgreSQL: one row per (id, nr), latest-below-N is one index seek.</summary>
public sealed class PostgresSnapshotStore : ISnapshotStore
{
    private readonly IEventSerializer _serializer;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _save;
    private readonly string _load;
    private readonly string _delete;
    private int _disposed;

    private PostgresSnapshotStore(IEventSerializer serializer, NpgsqlDataSource dataSource, string schema)
    {
        _serializer = serializer;
        _dataSource = dataSource;
        _save = $"""
            INSERT INTO {schema}.snapshots (persistence_id, sequence_nr, created_at, manifest, payload)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (persistence_id, sequence_nr) DO UPDATE
                SET created_at = excluded.created_at, manifest = excluded.manifest, payload = excluded.payload
            """;
        _load = $"""
            SELECT sequence_nr, created_at, manifest, payload FROM {schema}.snapshots
            WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND created_at >= $4 AND created_at <= $5
            ORDER BY sequence_nr DESC
            LIMIT 1
            """;
        _delete = $"DELETE FROM {schema}.snapshots WHERE persistence_id = $1 AND sequence_nr >= $2 AND sequence_nr <= $3 AND created_at >= $4 AND created_at <= $5";
    }

    /// <summary>Connects, and creates the schema and table when <see cref="PostgresStoreOptions.AutoCreateSchema"/> is on.</summary>
    public static async Task<PostgresSnapshotStore> OpenAsync(PostgresStoreOptions options, IEventSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        options.Validate();
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            if (options.AutoCreateSchema)
            {
                var ddl = $"""
                    CREATE SCHEMA IF NOT EXISTS {options.Schema};
                    CREATE TABLE IF NOT EXISTS {options.Schema}.snapshots (
                        persistence_id TEXT NOT NULL,
                        sequence_nr BIGINT NOT NULL,
                        created_at TIMESTAMPTZ NOT NULL,
                        manifest TEXT NOT NULL,
                        payload BYTEA NOT NULL,
                        PRIMARY KEY (persistence_id, sequence_nr)
                    );
                    """;
                await PostgresDdl.ApplyAsync(dataSource, new PostgresJournalSql(options.Schema).WriteLockKey, ddl, cancellationToken).ConfigureAwait(false);
            }

            return new PostgresSnapshotStore(serializer, dataSource, options.Schema);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task SaveAsync(SnapshotMetadata metadata, object state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(state);
        ThrowIfDisposed();
        var payload = _serializer.Serialize(state);
        await using var command = _dataSource.CreateCommand(_save);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata.PersistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = metadata.SequenceNr });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = metadata.Timestamp.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload.Manifest });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload.Bytes.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        ThrowIfDisposed();
        await using var command = _dataSource.CreateCommand(_load);
        AddCriteria(command, persistenceId, criteria);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var manifest = reader.GetString(2);
        var bytes = reader.GetFieldValue<byte[]>(3);
        var metadata = new SnapshotMetadata(persistenceId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
        return new SelectedSnapshot(metadata, _serializer.Deserialize(manifest, bytes));
    }

    public async Task DeleteAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        ThrowIfDisposed();
        await using var command = _dataSource.CreateCommand(_delete);
        AddCriteria(command, persistenceId, criteria);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void AddCriteria(NpgsqlCommand command, string persistenceId, SnapshotCriteria criteria)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MinSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = criteria.MaxSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = criteria.MinTimestamp.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = criteria.MaxTimestamp.UtcDateTime });
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
