using LiveCasino.Stores.Journal;
using LiveCasino.Tables.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Records;

/// <summary>
/// The round record read side, for disputes ("what happened in round 4711 of table-7"). Seals are
/// tagged per table, so a round is found by a tag query and one journal range per record, not by
/// scanning the table's history. Each record read is verified against its seal.
/// </summary>
public static class RoundRecords
{
    /// <summary>Most seals one table may have in the tag index read for one query.</summary>
    public const int SealsPageMax = 10_000;

    /// <summary>The events-by-tag tag of a table's record seals.</summary>
    public static string SealTag(string tableId) => "table-seal:" + tableId;

    /// <summary>Every seal of the table, oldest first.</summary>
    public static async Task<IReadOnlyList<RecordSeal>> SealsAsync(IJournal journal, string tableId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var seals = new List<RecordSeal>();
        var persistenceId = TableActor.PersistenceIdOf(tableId);
        long after = 0;
        while (true)
        {
            var page = await journal.ReadTaggedAsync(SealTag(tableId), after, SealsPageMax, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                if (e.PersistenceId == persistenceId && e.Payload is RoundSealed seal)
                {
                    seals.Add(new RecordSeal(e.SequenceNr, seal));
                }
            }

            if (page.Count < SealsPageMax)
            {
                return seals;
            }

            after = page[^1].Offset;
        }
    }

    /// <summary>The record of <paramref name="roundNo"/> and its corrections, each checked against its seal; null if the round is not sealed.</summary>
    public static async Task<RoundRecord?> ReadAsync(IJournal journal, string tableId, long roundNo, CancellationToken cancellationToken = default)
    {
        var seals = (await SealsAsync(journal, tableId, cancellationToken).ConfigureAwait(false)).Where(s => s.Seal.RoundNo == roundNo).ToList();
        if (seals.Count == 0)
        {
            return null;
        }

        var entries = new List<RecordEntry>();
        var breaks = new List<ChainBreak>();
        foreach (var seal in seals)
        {
            using var hasher = new RoundHasher(seal.Seal.PreviousHash);
            var from = seal.Seal.Events == 0 ? seal.SealSequenceNr : seal.Seal.FirstSequenceNr;
            await foreach (var stored in journal.ReplayAsync(TableActor.PersistenceIdOf(tableId), from, seal.SealSequenceNr - 1, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (stored.Payload is TableEvent e && RecordChain.IsRecorded(e))
                {
                    var payload = Serialization.TableSerialization.Payload(e);
                    hasher.Add(stored.SequenceNr, payload.Manifest, payload.Bytes.Span);
                    entries.Add(new RecordEntry(stored.SequenceNr, payload.Manifest, e.ServerAt, e.StudioAt, e));
                }
            }

            if (hasher.Current() != seal.Seal.Hash || hasher.Events != seal.Seal.Events)
            {
                breaks.Add(new ChainBreak(ChainBreakKind.HashMismatch, roundNo, seal.SealSequenceNr, $"{seal.Seal.Kind} record does not hash to its seal"));
            }
        }

        return new RoundRecord(tableId, roundNo, seals, entries, breaks);
    }
}
