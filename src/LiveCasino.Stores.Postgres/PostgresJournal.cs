using System.Runtime.CompilerServices;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using Npgsql;

namespace LiveCasino.Stores.Postgres;

/// <summary>
/// Event journal in PostgreSQL. A batch is one round trip and one transaction (column arrays through
/// <c>unnest</c>); reads stream from pooled connections. Writers of a schema serialize on one advisory
/// lock so the read side's offsets commit in order on every node (see docs/stores.md).
/// Put a <see cref="BatchingJournal"/> in front for group commit.
/// </summary>
public sealed partial class PostgresJournal : IJournal
{
    private readonly IEventSerializer _serializer;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresJournalSql _sql;
    private readonly PostgresBatchWriter _writer;

    // Serializes use of the writer connection; readers never take it.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Cancels a batch in flight when the journal is disposed (Npgsql sends a cancel request).
    private readonly CancellationTokenSource _disposing = new();
    private int _disposed;

    private PostgresJournal(IEventSerializer serializer, NpgsqlDataSource dataSource, PostgresJournalSql sql)
    {
        _serializer = serializer;
        _dataSource = dataSource;
        _sql = sql;
        _writer = new PostgresBatchWriter(dataSource, sql);
    }

    /// <summary>Backend pid of the writer connection (0 before the first write); lets tests kill it.</summary>
    public int WriterBackendProcessId => _writer.BackendProcessId;

    /// <summary>Connects, and creates the schema and tables when <see cref="PostgresStoreOptions.AutoCreateSchema"/> is on.</summary>
    public static async Task<PostgresJournal> OpenAsync(PostgresStoreOptions options, IEventSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        options.Validate();
        var sql = new PostgresJournalSql(options.Schema);
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            if (options.AutoCreateSchema)
            {
                await PostgresDdl.ApplyAsync(dataSource, sql.WriteLockKey, sql.Create, cancellationToken).ConfigureAwait(false);
            }

            return new PostgresJournal(serializer, dataSource, sql);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<PersistentEvent> ReplayAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ThrowIfDisposed();
        if (max <= 0 || fromSequenceNr > toSequenceNr)
        {
            yield break;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.Replay, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toSequenceNr });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(reader, persistenceId);
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ThrowIfDisposed();
        await using var command = _dataSource.CreateCommand(_sql.ReadHighest);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long highest ? highest : 0L;
    }

    public async Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ThrowIfDisposed();
        if (max <= 0)
        {
            return [];
        }

        await using var command = _dataSource.CreateCommand(_sql.ReadTagged);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterOffset });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<PersistentEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEvent(reader, reader.GetString(7)));
        }

        return events;
    }

    public async Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (max <= 0)
        {
            return [];
        }

        await using var command = _dataSource.CreateCommand(_sql.ReadIds);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<PersistenceIdEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new PersistenceIdEntry(reader.GetString(1), reader.GetInt64(0)));
        }

        return entries;
    }

    public async Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ThrowIfDisposed();
        // Under the writers' lock (one implicit transaction): no batch commits between reading the
        // highest nr and deleting, so the remembered highest nr and the deleted-range check agree.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = connection.CreateBatch();
        var lockCommand = new NpgsqlBatchCommand(_sql.Lock);
        lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _sql.WriteLockKey });
        var delete = new NpgsqlBatchCommand(_sql.Delete);
        delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toSequenceNr });
        batch.BatchCommands.Add(lockCommand);
        batch.BatchCommands.Add(delete);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the store. A batch still in flight is cancelled and rolled back (its callers get an
    /// exception); to finish queued writes first, dispose the <see cref="BatchingJournal"/> in front.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
            _disposing.Dispose();
        }
    }

    // Columns: 0 sequence_nr, 1 ordering, 2 written_at, 3 writer_id, 4 manifest, 5 payload, 6 tags.
    private PersistentEvent ReadEvent(NpgsqlDataReader reader, string persistenceId)
    {
        var manifest = reader.GetString(4);
        var bytes = reader.GetFieldValue<byte[]>(5);
        return new PersistentEvent(
            persistenceId,
            reader.GetInt64(0),
            _serializer.Deserialize(manifest, bytes),
            reader.GetFieldValue<DateTimeOffset>(2),
            reader.IsDBNull(6) ? [] : reader.GetFieldValue<string[]>(6),
            reader.GetString(3))
        {
            Serialized = new SerializedPayload(manifest, bytes),
            Offset = reader.GetInt64(1),
        };
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
