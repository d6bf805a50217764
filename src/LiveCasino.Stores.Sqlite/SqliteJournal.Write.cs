using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Sqlite;

/// <summary>The write path: one transaction per batch; a conflicting write is skipped, the rest commit.</summary>
public sealed partial class SqliteJournal
{
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new WriteResult[writes.Count];
        var encoded = EncodedWrite.EncodeAll(writes, _serializer, results, out var pending);

        if (pending == 0)
        {
            return results;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            Commit(writes, encoded, results);
        }
        finally
        {
            _writeGate.Release();
        }

        return results;
    }

    /// <summary>
    /// Stores every encoded write in one transaction. Each write first reads its stream's head: a
    /// write whose first nr is not above the stored highest is failed with a conflict and skipped
    /// before anything of it is inserted, so the innocent writes of the batch still commit.
    /// </summary>
    private void Commit(IReadOnlyList<AtomicWrite> writes, EncodedWrite?[] encoded, WriteResult[] results)
    {
        var c = _commands;
        c.Begin.Execute();
        try
        {
            var ordering = c.ReadOffset.ExecuteInt64();
            for (var index = 0; index < writes.Count; index++)
            {
                if (encoded[index] is not { } bytes)
                {
                    continue;
                }

                // Between writes: a dispose that missed the interrupt still stops the batch here.
                ThrowIfDisposed();
                var write = writes[index];
                var head = ReadOrAddStream(write.PersistenceId);
                if (write.LowestSequenceNr <= head.Highest)
                {
                    results[index] = WriteResult.Failed(new SequenceConflictException(write.PersistenceId, write.LowestSequenceNr));
                    continue;
                }

                var writeFirst = ordering + 1;
                for (var i = 0; i < write.Events.Count; i++)
                {
                    ordering++;
                    InsertEvent(write.Events[i], head.StreamId, ordering, writeFirst, head.LastOrdering, bytes, i);
                }

                c.AdvanceStream.Bind(1, head.StreamId);
                c.AdvanceStream.Bind(2, write.HighestSequenceNr);
                c.AdvanceStream.Bind(3, ordering);
                c.AdvanceStream.Execute();
                results[index] = WriteResult.Written;
            }

            c.SaveOffset.Bind(1, ordering);
            c.SaveOffset.Execute();
            c.Commit.Execute();
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private (long StreamId, long Highest, long LastOrdering) ReadOrAddStream(string persistenceId)
    {
        var c = _commands;
        Span<long> row = stackalloc long[3];
        c.ReadStream.Bind(1, persistenceId);
        if (c.ReadStream.TryReadInt64s(row))
        {
            return (row[0], row[1], row[2]);
        }

        c.AddStream.Bind(1, persistenceId);
        c.AddStream.Execute();
        return (c.LastInsertRowId(), 0, 0);
    }

    private void InsertEvent(PersistentEvent e, long stream, long ordering, long writeFirst, long previous, EncodedWrite bytes, int i)
    {
        var insert = _commands.InsertEvent;
        insert.Bind(1, ordering);
        insert.Bind(2, stream);
        insert.Bind(3, e.SequenceNr);
        insert.Bind(4, writeFirst);
        insert.Bind(5, previous);
        insert.Bind(6, e.Timestamp.UtcTicks);
        insert.Bind(7, e.WriterId);
        insert.Bind(8, bytes.Manifests[i]);
        insert.Bind(9, bytes.Payloads[i]);
        insert.Bind(10, bytes.Tags[i]);
        insert.Execute();

        var tag = _commands.InsertTag;
        for (var t = 0; t < e.Tags.Count; t++)
        {
            tag.Bind(1, e.Tags[t]);
            tag.Bind(2, ordering);
            tag.Execute();
        }
    }

    // SQLite rolls back by itself after some errors (an interrupt, a full disk); roll back only what is open.
    private void Rollback()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_writer.Handle) == 0)
        {
            _commands.Rollback.Execute();
        }
    }
}
