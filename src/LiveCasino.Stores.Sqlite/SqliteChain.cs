using System.Diagnostics;

namespace LiveCasino.Stores.Sqlite;

/// <summary>A contiguous run of one stream's rows: orderings and the sequence nrs wanted from them.</summary>
internal readonly record struct ChainRun(long FirstOrdering, long LastOrdering, long FromSequenceNr, long ToSequenceNr);

/// <summary>
/// Walks one stream's chain of writes back from its head (see <see cref="SqliteJournalSchema"/>):
/// one point read per write, stopping at the first write below <c>from</c> or at a deleted row.
/// Adjacent writes (one writer alone, or a bulk PersistAll) merge into one run, so replay then
/// reads long range scans. Runs come back in ascending order.
/// </summary>
internal static class SqliteChain
{
    public static List<ChainRun> Walk(SqliteStatement readLink, long streamId, long head, long fromSequenceNr, long toSequenceNr)
    {
        var runs = new List<ChainRun>();
        Span<long> row = stackalloc long[3];
        var current = head;
        while (current != 0)
        {
            readLink.Bind(1, current);
            readLink.Bind(2, streamId);
            if (!readLink.TryReadInt64s(row))
            {
                break; // deleted: everything older is deleted too
            }

            var (lastNr, writeFirst, previous) = (row[0], row[1], row[2]);
            Debug.Assert(writeFirst <= current && previous < writeFirst, "a write is a run that starts after the write before it");
            var firstNr = lastNr - (current - writeFirst); // an atomic write's nrs are contiguous
            if (lastNr < fromSequenceNr)
            {
                break;
            }

            if (firstNr <= toSequenceNr)
            {
                var run = new ChainRun(writeFirst, current, Math.Max(firstNr, fromSequenceNr), Math.Min(lastNr, toSequenceNr));
                if (runs.Count > 0 && runs[^1].FirstOrdering == current + 1)
                {
                    var later = runs[^1];
                    runs[^1] = new ChainRun(writeFirst, later.LastOrdering, run.FromSequenceNr, later.ToSequenceNr);
                }
                else
                {
                    runs.Add(run);
                }
            }

            if (firstNr <= fromSequenceNr)
            {
                break;
            }

            current = previous;
        }

        runs.Reverse();
        return runs;
    }
}
