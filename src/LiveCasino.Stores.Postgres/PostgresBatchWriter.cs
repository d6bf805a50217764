using Npgsql;
using NpgsqlTypes;

namespace LiveCasino.Stores.Postgres;

/// <summary>
/// The journal's writer connection with its batch prepared once: lock, deleted-range check, event
/// and tag insert, new persistence ids, sent in one round trip and run as one implicit transaction.
/// A broken connection is dropped and reopened (and re-prepared) by the next batch.
/// </summary>
internal sealed class PostgresBatchWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresJournalSql _sql;
    private NpgsqlConnection? _connection;
    private NpgsqlBatch? _batch;

    private readonly NpgsqlParameter<string[]> _checkPids = TextArray();
    private readonly NpgsqlParameter<long[]> _checkLowest = BigintArray();
    private readonly NpgsqlParameter<string[]> _idPids = TextArray();
    private readonly NpgsqlParameter<long[]> _idLowest = BigintArray();
    private readonly NpgsqlParameter<string[]> _pids = TextArray();
    private readonly NpgsqlParameter<long[]> _nrs = BigintArray();
    private readonly NpgsqlParameter<DateTime[]> _at = new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
    private readonly NpgsqlParameter<string[]> _writers = TextArray();
    private readonly NpgsqlParameter<string[]> _manifests = TextArray();
    private readonly NpgsqlParameter<byte[][]> _payloads = new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };
    private readonly NpgsqlParameter<string?[]> _tags = new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public PostgresBatchWriter(NpgsqlDataSource dataSource, PostgresJournalSql sql)
    {
        _dataSource = dataSource;
        _sql = sql;
    }

    /// <summary>Backend process id of the open writer connection, 0 if none (tests use it to kill the backend).</summary>
    public int BackendProcessId => _connection?.ProcessID ?? 0;

    public async Task ExecuteAsync(PostgresBatchArrays arrays, CancellationToken cancellationToken)
    {
        var batch = await EnsureBatchAsync(cancellationToken).ConfigureAwait(false);
        _checkPids.TypedValue = arrays.WritePids;
        _checkLowest.TypedValue = arrays.WriteLowest;
        _idPids.TypedValue = arrays.WritePids;
        _idLowest.TypedValue = arrays.WriteLowest;
        _pids.TypedValue = arrays.Pids;
        _nrs.TypedValue = arrays.SequenceNrs;
        _at.TypedValue = arrays.Timestamps;
        _writers.TypedValue = arrays.WriterIds;
        _manifests.TypedValue = arrays.Manifests;
        _payloads.TypedValue = arrays.Payloads;
        _tags.TypedValue = arrays.Tags;
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // After a server-side error the connection is still fine; after a network error,
            // a kill or a cancellation it may not be, and a fresh one is cheap next time.
            if (_connection is not { State: System.Data.ConnectionState.Open })
            {
                await DropAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public ValueTask DisposeAsync() => DropAsync();

    private async ValueTask<NpgsqlBatch> EnsureBatchAsync(CancellationToken cancellationToken)
    {
        if (_batch is not null && _connection is { State: System.Data.ConnectionState.Open })
        {
            return _batch;
        }

        await DropAsync().ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command(_sql.Lock, new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = _sql.WriteLockKey }));
            batch.BatchCommands.Add(Command(_sql.CheckDeleted, _checkPids, _checkLowest));
            batch.BatchCommands.Add(Command(_sql.InsertEvents, _pids, _nrs, _at, _writers, _manifests, _payloads, _tags));
            batch.BatchCommands.Add(Command(_sql.InsertIds, _idPids, _idLowest));
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            _connection = connection;
            _batch = batch;
            return batch;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask DropAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync().ConfigureAwait(false);
            _batch = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter<string[]> TextArray() => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter<long[]> BigintArray() => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint };
}
