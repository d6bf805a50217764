using LiveCasino.Actors.Persistence.Journal;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>The write path: one transaction per batch; a conflict is isolated by retrying without it.</summary>
public sealed partial class SqliteJournal
{
    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE: the (persistence_id, sequence_nr) key is taken.
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    // SQLITE_CONSTRAINT_TRIGGER raised by journal_events_not_deleted: a write into the deleted range.
    private const int ConstraintTrigger = 1811;

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
            WriteBatch(writes, encoded, results);
        }
        finally
        {
            _writeGate.Release();
        }

        return results;
    }

    /// <summary>
    /// Stores every encoded write in one transaction. When one write conflicts, the transaction is
    /// rolled back, that write alone is failed, and the rest is tried again: conflicts come only
    /// from a second writer, so the retry is rare and the common path stays one commit.
    /// </summary>
    private void WriteBatch(IReadOnlyList<AtomicWrite> writes, EncodedWrite?[] encoded, WriteResult[] results)
    {
        while (true)
        {
            var conflict = TryCommit(writes, encoded);
            if (conflict is null)
            {
                for (var i = 0; i < writes.Count; i++)
                {
                    if (encoded[i] is not null)
                    {
                        results[i] = WriteResult.Written;
                    }
                }

                return;
            }

            var (index, error) = conflict.Value;
            results[index] = WriteResult.Failed(error);
            encoded[index] = null;
        }
    }

    /// <summary>Null when committed; else the index of the conflicting write, after a rollback.</summary>
    private (int Index, SequenceConflictException Error)? TryCommit(IReadOnlyList<AtomicWrite> writes, EncodedWrite?[] encoded)
    {
        var c = _commands;
        c.Begin.Execute();
        var index = -1;
        long sequenceNr = 0;
        try
        {
            var ordering = c.ReadOffset.ExecuteInt64();
            for (index = 0; index < writes.Count; index++)
            {
                if (encoded[index] is not { } bytes)
                {
                    continue;
                }

                // Between statements: a dispose that missed the interrupt still stops the batch here.
                ThrowIfDisposed();
                var write = writes[index];
                for (var i = 0; i < write.Events.Count; i++)
                {
                    var e = write.Events[i];
                    sequenceNr = e.SequenceNr;
                    ordering++;
                    InsertEvent(e, ordering, bytes, i);
                }
            }

            c.SaveOffset.Bind(1, ordering);
            c.SaveOffset.Execute();
            c.Commit.Execute();
            return null;
        }
        catch (SqliteException ex) when (IsConflict(ex) && index >= 0 && index < writes.Count)
        {
            Rollback();
            return (index, new SequenceConflictException(writes[index].PersistenceId, sequenceNr, ex));
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private static bool IsConflict(SqliteException ex) =>
        ex.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique ||
        (ex.SqliteExtendedErrorCode == ConstraintTrigger && ex.Message.Contains("sequence nr in deleted range", StringComparison.Ordinal));

    private void InsertEvent(PersistentEvent e, long ordering, EncodedWrite bytes, int i)
    {
        var insert = _commands.InsertEvent;
        insert.Bind(1, e.PersistenceId);
        insert.Bind(2, e.SequenceNr);
        insert.Bind(3, ordering);
        insert.Bind(4, e.Timestamp.UtcTicks);
        insert.Bind(5, e.WriterId);
        insert.Bind(6, bytes.Manifests[i]);
        insert.Bind(7, bytes.Payloads[i]);
        insert.Bind(8, bytes.Tags[i]);
        insert.Execute();

        var tag = _commands.InsertTag;
        for (var t = 0; t < e.Tags.Count; t++)
        {
            tag.Bind(1, e.Tags[t]);
            tag.Bind(2, ordering);
            tag.Bind(3, e.PersistenceId);
            tag.Bind(4, e.SequenceNr);
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
