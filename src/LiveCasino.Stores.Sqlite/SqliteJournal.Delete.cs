using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Sqlite;

/// <summary>Deletion: rows go for good; a metadata row keeps the highest nr and how far deletion reached.</summary>
public sealed partial class SqliteJournal
{
    public async Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            _commands.Begin.Execute();
            try
            {
                DeleteLocked(persistenceId, toSequenceNr);
                _commands.Commit.Execute();
            }
            catch
            {
                Rollback();
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Deletes along the stream's chain (there is no per-stream index to scan by): the walk finds
    /// the runs holding nrs up to <paramref name="toSequenceNr"/>, and each is deleted as an
    /// ordering range. deleted_to only records how far deletion went; the head row keeps the
    /// highest nr, so it never goes down and a stale writer still conflicts.
    /// </summary>
    private void DeleteLocked(string persistenceId, long toSequenceNr)
    {
        Span<long> head = stackalloc long[3];
        _commands.ReadStream.Bind(1, persistenceId);
        if (!_commands.ReadStream.TryReadInt64s(head))
        {
            return; // never written: nothing to delete, nothing to remember
        }

        var (stream, highest, lastOrdering) = (head[0], head[1], head[2]);
        long deletedTo;
        using (var read = Command(SqliteJournalSchema.ReadDeletedTo))
        {
            read.Parameters.AddWithValue("$stream", stream);
            deletedTo = read.ExecuteScalar() is long d ? d : 0L;
        }

        // Never past the highest written nr, so a later write of highest + 1 is still accepted.
        var upTo = Math.Min(toSequenceNr, highest);
        if (upTo <= deletedTo)
        {
            return;
        }

        var runs = SqliteChain.Walk(_commands.ReadLink, stream, lastOrdering, deletedTo + 1, upTo);
        foreach (var run in runs)
        {
            DeleteRun(run, upTo);
        }

        using var save = Command(SqliteJournalSchema.SaveDeletedTo);
        save.Parameters.AddWithValue("$stream", stream);
        save.Parameters.AddWithValue("$to", upTo);
        save.ExecuteNonQuery();
    }

    private void DeleteRun(ChainRun run, long upTo)
    {
        var tagRows = new List<(long Ordering, string Tags)>();
        using (var select = Command(SqliteJournalSchema.SelectTaggedToDelete))
        {
            select.Parameters.AddWithValue("$first", run.FirstOrdering);
            select.Parameters.AddWithValue("$last", run.LastOrdering);
            select.Parameters.AddWithValue("$to", upTo);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                tagRows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        using (var deleteTag = Command(SqliteJournalSchema.DeleteTag))
        {
            var tag = deleteTag.Parameters.Add("$tag", SqliteType.Text);
            var ordering = deleteTag.Parameters.Add("$ordering", SqliteType.Integer);
            foreach (var (rowOrdering, tags) in tagRows)
            {
                foreach (var t in TagCodec.Split(tags))
                {
                    tag.Value = t;
                    ordering.Value = rowOrdering;
                    deleteTag.ExecuteNonQuery();
                }
            }
        }

        using var delete = Command(SqliteJournalSchema.DeleteRun);
        delete.Parameters.AddWithValue("$first", run.FirstOrdering);
        delete.Parameters.AddWithValue("$last", run.LastOrdering);
        delete.Parameters.AddWithValue("$to", upTo);
        delete.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
