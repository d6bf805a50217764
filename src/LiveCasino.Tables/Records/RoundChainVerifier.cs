using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Journal;
using LiveCasino.Tables.Actor;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.State;

namespace LiveCasino.Tables.Records;

/// <summary>
/// Re-reads a table's journal from the start and recomputes every record hash (the same
/// <see cref="RoundHasher"/> the table uses): each seal must match the events before it and name the
/// previous seal's hash. Reports every break with its round and journal position; it goes on past a
/// break (from the stored hash), so one altered round is reported once and the rest still checks.
/// Reads only: run it against a live store at any time.
/// </summary>
public static class RoundChainVerifier
{
    public const int BreaksMax = 1_000;

    public static async Task<ChainReport> VerifyAsync(IJournal journal, string tableId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var breaks = new List<ChainBreak>();
        var lastHash = RoundHasher.Genesis;
        RoundHasher? open = null;
        var records = 0;
        long events = 0;
        long expected = 1;
        long lastRound = 0;
        try
        {
            await foreach (var stored in ReadAllAsync(journal, TableActor.PersistenceIdOf(tableId), breaks, cancellationToken).ConfigureAwait(false))
            {
                if (stored.SequenceNr != expected)
                {
                    Add(breaks, new ChainBreak(ChainBreakKind.MissingEvent, lastRound, expected, FormattableString.Invariant($"sequence numbers {expected}..{stored.SequenceNr - 1} are missing")));
                }

                expected = stored.SequenceNr + 1;
                events++;
                if (stored.Payload is not TableEvent e)
                {
                    continue;
                }

                lastRound = e.RoundNo;
                if (e is RoundSealed seal)
                {
                    records++;
                    // The content is checked against the previous hash the seal names; the link separately.
                    var computed = open?.Chain(seal.PreviousHash) ?? string.Empty;
                    if (seal.PreviousHash != lastHash)
                    {
                        Add(breaks, new ChainBreak(ChainBreakKind.BrokenLink, seal.RoundNo, stored.SequenceNr, $"seal names previous {Short(seal.PreviousHash)}, the chain has {Short(lastHash)}"));
                    }

                    if (seal.Hash != computed || seal.Events != (open?.Events ?? 0))
                    {
                        Add(breaks, new ChainBreak(ChainBreakKind.HashMismatch, seal.RoundNo, stored.SequenceNr, $"{seal.Kind} record: stored {Short(seal.Hash)} over {seal.Events} events, recomputed {Short(computed)} over {open?.Events ?? 0}"));
                    }

                    lastHash = seal.Hash;
                    open?.Dispose();
                    open = null;
                }
                else if (RecordChain.IsRecorded(e))
                {
                    open ??= new RoundHasher(lastHash);
                    var payload = Serialization.TableSerialization.Payload(e);
                    open.Add(stored.SequenceNr, payload.Manifest, payload.Bytes.Span);
                }
            }
        }
        finally
        {
            open?.Dispose();
        }

        return new ChainReport(tableId, records, events, expected - 1, breaks);
    }

    /// <summary>Replays every event; an unreadable one is reported and skipped, and reading goes on after it.</summary>
    internal static async IAsyncEnumerable<PersistentEvent> ReadAllAsync(
        IJournal journal, string persistenceId, List<ChainBreak> breaks, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var highest = await journal.ReadHighestSequenceNrAsync(persistenceId, cancellationToken).ConfigureAwait(false);
        var from = 1L;
        while (from <= highest)
        {
            var batch = new List<PersistentEvent>();
            var failedAt = 0L;
            try
            {
                await foreach (var e in journal.ReplayAsync(persistenceId, from, highest, long.MaxValue, cancellationToken).ConfigureAwait(false))
                {
                    batch.Add(e);
                    if (batch.Count >= 1_000)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is EventSerializationException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                failedAt = (batch.Count > 0 ? batch[^1].SequenceNr : from - 1) + 1;
                Add(breaks, new ChainBreak(ChainBreakKind.UnreadableEvent, 0, failedAt, ex.Message));
            }

            foreach (var e in batch)
            {
                yield return e;
            }

            if (batch.Count == 0 && failedAt == 0)
            {
                yield break;
            }

            from = failedAt > 0 ? failedAt + 1 : batch[^1].SequenceNr + 1;
        }
    }

    internal static void Add(List<ChainBreak> breaks, ChainBreak found)
    {
        if (breaks.Count < BreaksMax)
        {
            breaks.Add(found);
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
