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

    private void DeleteLocked(string persistenceId, long toSequenceNr)
    {
        long highest, deletedTo;
        using (var read = Command(SqliteJournalSchema.ReadHighest))
        {
            read.Parameters.AddWithValue("$pid", persistenceId);
            highest = read.ExecuteScalar() is long h ? h : 0L;
        }

        using (var read = Command(SqliteJournalSchema.ReadDeletedTo))
        {
            read.Parameters.AddWithValue("$pid", persistenceId);
            deletedTo = read.ExecuteScalar() is long d ? d : 0L;
        }

        // Never past the highest written nr, so a later write of highest + 1 is still accepted.
        var upTo = Math.Min(toSequenceNr, highest);
        if (upTo <= deletedTo)
        {
            return;
        }

        var tagRows = new List<(long Ordering, string Tags)>();
        using (var select = Command(SqliteJournalSchema.SelectTaggedToDelete))
        {
            select.Parameters.AddWithValue("$pid", persistenceId);
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

        using (var delete = Command(SqliteJournalSchema.DeleteEvents))
        {
            delete.Parameters.AddWithValue("$pid", persistenceId);
            delete.Parameters.AddWithValue("$to", upTo);
            delete.ExecuteNonQuery();
        }

        using var save = Command(SqliteJournalSchema.SaveDeletedTo);
        save.Parameters.AddWithValue("$pid", persistenceId);
        save.Parameters.AddWithValue("$highest", highest);
        save.Parameters.AddWithValue("$to", upTo);
        save.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _writer.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
