using LiveCasino.Stores.Journal;
using Npgsql;

namespace LiveCasino.Stores.Postgres;

/// <summary>The write path: one statement batch per journal batch; conflicts isolated write by write.</summary>
public sealed partial class PostgresJournal
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
            try
            {
                // The common path: the whole batch in one round trip.
                await _writer.ExecuteAsync(PostgresBatchArrays.Build(writes, encoded), _disposing.Token).ConfigureAwait(false);
                MarkWritten(encoded, results);
                return results;
            }
            catch (PostgresException ex) when (IsWriteSpecific(ex))
            {
                // Nothing of the batch is stored (implicit transaction). Find the culprit by storing
                // each write alone; conflicts only come from a second writer, so this is rare.
            }

            await WriteOneByOneAsync(writes, encoded, results).ConfigureAwait(false);
            return results;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task WriteOneByOneAsync(IReadOnlyList<AtomicWrite> writes, EncodedWrite?[] encoded, WriteResult[] results)
    {
        for (var i = 0; i < writes.Count; i++)
        {
            if (encoded[i] is null)
            {
                continue;
            }

            try
            {
                await _writer.ExecuteAsync(PostgresBatchArrays.Build(writes, encoded, only: i), _disposing.Token).ConfigureAwait(false);
                results[i] = WriteResult.Written;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                results[i] = WriteResult.Failed(new SequenceConflictException(writes[i].PersistenceId, writes[i].LowestSequenceNr, ex));
            }
            catch (PostgresException ex) when (IsWriteSpecific(ex))
            {
                results[i] = WriteResult.Failed(ex);
            }
            catch (Exception ex)
            {
                // The store itself failed part-way: earlier writes are stored, this and later ones are not.
                for (var j = i; j < writes.Count; j++)
                {
                    if (encoded[j] is not null)
                    {
                        results[j] = WriteResult.Failed(ex);
                    }
                }

                return;
            }
        }
    }

    // Errors caused by the data of some write (class 22 data exception, class 23 integrity), not by the store.
    private static bool IsWriteSpecific(PostgresException ex) =>
        ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    private static void MarkWritten(EncodedWrite?[] encoded, WriteResult[] results)
    {
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] is not null)
            {
                results[i] = WriteResult.Written;
            }
        }
    }
}
