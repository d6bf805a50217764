using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// Snapshot store in a SQLite file (may be the journal's file). Snapshots are rare next to events,
/// so one connection behind a gate serves saves and loads alike.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore
{
    private readonly IEventSerializer _serializer;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    private SqliteSnapshotStore(IEventSerializer serializer, SqliteConnection connection)
    {
        _serializer = serializer;
        _connection = connection;
    }

    /// <summary>Opens (creating if needed) the database file and the snapshot table.</summary>
    public static Task<SqliteSnapshotStore> OpenAsync(SqliteStoreOptions options, IEventSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var connection = SqliteConnections.OpenWriter(options);
        try
        {
            SqliteConnections.Execute(connection, SqliteSnapshotSchema.Create);
            return Task.FromResult(new SqliteSnapshotStore(serializer, connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task SaveAsync(SnapshotMetadata metadata, object state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(state);
        var payload = _serializer.Serialize(state);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = Command(SqliteSnapshotSchema.Save);
            command.Parameters.AddWithValue("$pid", metadata.PersistenceId);
            command.Parameters.AddWithValue("$nr", metadata.SequenceNr);
            command.Parameters.AddWithValue("$at", metadata.Timestamp.UtcTicks);
            command.Parameters.AddWithValue("$manifest", payload.Manifest);
            command.Parameters.AddWithValue("$payload", payload.Bytes.ToArray());
            command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = Command(SqliteSnapshotSchema.Load);
            AddCriteria(command, persistenceId, criteria);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var manifest = reader.GetString(2);
            var bytes = reader.GetFieldValue<byte[]>(3);
            var metadata = new SnapshotMetadata(persistenceId, reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero));
            return new SelectedSnapshot(metadata, _serializer.Deserialize(manifest, bytes));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DeleteAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ArgumentNullException.ThrowIfNull(criteria);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            using var command = Command(SqliteSnapshotSchema.Delete);
            AddCriteria(command, persistenceId, criteria);
            command.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void AddCriteria(SqliteCommand command, string persistenceId, SnapshotCriteria criteria)
    {
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$min", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$max", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$minat", criteria.MinTimestamp.UtcTicks);
        command.Parameters.AddWithValue("$maxat", criteria.MaxTimestamp.UtcTicks);
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
