using System.Runtime.CompilerServices;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>
/// Event journal in one SQLite file (WAL). One writer connection stores each batch in one
/// transaction with prepared statements; reads use pooled connections of their own, so replay
/// and tag queries never wait for a commit. Put a <see cref="BatchingJournal"/> in front for group commit.
/// </summary>
public sealed partial class SqliteJournal : IJournal
{
    private readonly IEventSerializer _serializer;
    private readonly string _readerConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteWriteCommands _commands;

    // Serializes use of the writer connection; never held by readers.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    private SqliteJournal(SqliteStoreOptions options, IEventSerializer serializer, SqliteConnection writer)
    {
        _serializer = serializer;
        _writer = writer;
        _readerConnectionString = SqliteConnections.ReaderConnectionString(options);
        _commands = new SqliteWriteCommands(writer);
    }

    /// <summary>Opens (creating if needed) the database file and the journal tables.</summary>
    public static Task<SqliteJournal> OpenAsync(SqliteStoreOptions options, IEventSerializer serializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        // SQLite I/O is synchronous; opening is a few milliseconds.
        var writer = SqliteConnections.OpenWriter(options);
        try
        {
            SqliteJournalVersion.Ensure(writer, options.DataSource);
            return Task.FromResult(new SqliteJournal(options, serializer, writer));
        }
        catch
        {
            writer.Dispose();
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

        using var connection = SqliteConnections.OpenReader(_readerConnectionString);

        // One read transaction: the chain walk and the runs see the same snapshot.
        using var snapshot = connection.BeginTransaction(deferred: true);
        List<ChainRun> runs;
        long streamId;
        using (var readStream = new SqliteStatement(connection, SqliteJournalSchema.ReadStream))
        using (var readLink = new SqliteStatement(connection, SqliteJournalSchema.ReadLink))
        {
            Span<long> head = stackalloc long[3];
            readStream.Bind(1, persistenceId);
            if (!readStream.TryReadInt64s(head))
            {
                yield break;
            }

            streamId = head[0];
            runs = SqliteChain.Walk(readLink, streamId, head[2], fromSequenceNr, toSequenceNr);
        }

        using var reader = new SqliteEventReader(connection, SqliteJournalSchema.ReadRun, _serializer);
        long returned = 0;
        foreach (var run in runs)
        {
            reader.Reset();
            reader.Bind(1, run.FirstOrdering);
            reader.Bind(2, run.LastOrdering);
            reader.Bind(3, run.FromSequenceNr);
            reader.Bind(4, run.ToSequenceNr);
            reader.Bind(5, streamId);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return reader.Current(persistenceId);
                if (++returned >= max)
                {
                    yield break;
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        ThrowIfDisposed();
        using var connection = SqliteConnections.OpenReader(_readerConnectionString);
        using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalSchema.ReadHighest;
        command.Parameters.AddWithValue("$pid", persistenceId);
        return Task.FromResult(command.ExecuteScalar() is long highest ? highest : 0L);
    }

    public Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ThrowIfDisposed();
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<PersistentEvent>>([]);
        }

        using var connection = SqliteConnections.OpenReader(_readerConnectionString);
        using var reader = new SqliteEventReader(connection, SqliteJournalSchema.ReadTagged, _serializer);
        reader.Bind(1, tag);
        reader.Bind(2, afterOffset);
        reader.Bind(3, max);
        var events = new List<PersistentEvent>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Add(reader.Current(null));
        }

        return Task.FromResult<IReadOnlyList<PersistentEvent>>(events);
    }

    public Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<PersistenceIdEntry>>([]);
        }

        using var connection = SqliteConnections.OpenReader(_readerConnectionString);
        using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalSchema.ReadPersistenceIds;
        command.Parameters.AddWithValue("$after", afterPosition);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var entries = new List<PersistenceIdEntry>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            entries.Add(new PersistenceIdEntry(reader.GetString(1), reader.GetInt64(0)));
        }

        return Task.FromResult<IReadOnlyList<PersistenceIdEntry>>(entries);
    }

    /// <summary>
    /// Closes the store. A batch still in flight is interrupted and rolled back (its caller gets an
    /// exception); to finish queued writes first, dispose the <see cref="BatchingJournal"/> in front.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // sqlite3_interrupt is the one SQLite call meant for another thread: it aborts the running statement.
        SQLitePCL.raw.sqlite3_interrupt(_writer.Handle);
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            _commands.Dispose();
            _writer.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }

        using var pooled = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
