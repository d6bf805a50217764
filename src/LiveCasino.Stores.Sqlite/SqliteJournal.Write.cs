using LiveCasino.Actors.Persistence.Journal;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>The write path: one transaction per batch; a conflict is isolated by retrying without it.</summary>
public sealed partial class SqliteJournal
{
    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE: the (persistence_id, sequence_nr) key is taken.
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new WriteResult[writes.Count];
        var encoded = new EncodedWrite?[writes.Count];
        var pending = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            encoded[i] = EncodedWrite.TryEncode(writes[i], _serializer, out var rejection);
            if (encoded[i] is null)
            {
                results[i] = WriteResult.Rejected(rejection!);
            }
            else
            {
                pending++;
            }
        }

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
        c.Begin.ExecuteNonQuery();
        var index = -1;
        long sequenceNr = 0;
        try
        {
            var ordering = (long)c.ReadOffset.ExecuteScalar()!;
            for (index = 0; index < writes.Count; index++)
            {
                if (encoded[index] is not { } bytes)
                {
                    continue;
                }

                // Between statements: a dispose that missed the interrupt still stops the batch here.
                ThrowIfDisposed();
                var write = writes[index];
                sequenceNr = write.LowestSequenceNr;
                c.MetaPid.Value = write.PersistenceId;
                c.MetaHigh.Value = write.HighestSequenceNr;
                c.MetaLow.Value = write.LowestSequenceNr;
                if (c.UpsertMetadata.ExecuteNonQuery() == 0)
                {
                    Rollback();
                    return (index, new SequenceConflictException(write.PersistenceId, sequenceNr));
                }

                for (var i = 0; i < write.Events.Count; i++)
                {
                    var e = write.Events[i];
                    sequenceNr = e.SequenceNr;
                    ordering++;
                    InsertEvent(e, ordering, bytes, i);
                }
            }

            c.SaveOffsetLast.Value = ordering;
            c.SaveOffset.ExecuteNonQuery();
            c.Commit.ExecuteNonQuery();
            return null;
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique && index >= 0 && index < writes.Count)
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

    private void InsertEvent(PersistentEvent e, long ordering, EncodedWrite bytes, int i)
    {
        var c = _commands;
        c.EventPid.Value = e.PersistenceId;
        c.EventNr.Value = e.SequenceNr;
        c.EventOrdering.Value = ordering;
        c.EventAt.Value = e.Timestamp.UtcTicks;
        c.EventWriter.Value = e.WriterId;
        c.EventManifest.Value = bytes.Manifests[i];
        c.EventPayload.Value = bytes.Payloads[i];
        c.EventTags.Value = (object?)bytes.Tags[i] ?? DBNull.Value;
        c.InsertEvent.ExecuteNonQuery();

        for (var t = 0; t < e.Tags.Count; t++)
        {
            c.TagTag.Value = e.Tags[t];
            c.TagOrdering.Value = ordering;
            c.TagPid.Value = e.PersistenceId;
            c.TagNr.Value = e.SequenceNr;
            c.InsertTag.ExecuteNonQuery();
        }
    }

    // SQLite rolls back by itself after some errors (an interrupt, a full disk); roll back only what is open.
    private void Rollback()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_writer.Handle) == 0)
        {
            _commands.Rollback.ExecuteNonQuery();
        }
    }
}
