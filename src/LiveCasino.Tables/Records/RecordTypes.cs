using LiveCasino.Tables.Events;

namespace LiveCasino.Tables.Records;

/// <summary>One recorded event as stored: journal position, stable manifest, server and studio time.</summary>
public sealed record RecordEntry(long SequenceNr, string Manifest, DateTimeOffset ServerAt, DateTimeOffset StudioAt, TableEvent Event);

/// <summary>A record seal as stored, with the journal position of the seal itself.</summary>
public sealed record RecordSeal(long SealSequenceNr, RoundSealed Seal);

/// <summary>
/// Everything recorded for one round, for a dispute: the round's record (from the event after the
/// previous seal to its own seal) and any later correction records, each verified against its seal.
/// </summary>
public sealed record RoundRecord(string TableId, long RoundNo, IReadOnlyList<RecordSeal> Seals, IReadOnlyList<RecordEntry> Events, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Verified => Breaks.Count == 0 && Seals.Count > 0;
}

/// <summary>What is wrong at a point of the chain.</summary>
public enum ChainBreakKind
{
    /// <summary>The events of the record do not hash to its seal: an event was altered, added or removed.</summary>
    HashMismatch,

    /// <summary>The seal does not name the previous seal's hash: a seal was altered or a record removed.</summary>
    BrokenLink,

    /// <summary>A sequence number is missing from the journal.</summary>
    MissingEvent,

    /// <summary>An event cannot be read back (its bytes were altered beyond parsing).</summary>
    UnreadableEvent,
}

/// <summary>Where the chain breaks: the round and journal position of the first seal (or event) that does not check.</summary>
public sealed record ChainBreak(ChainBreakKind Kind, long RoundNo, long SequenceNr, string Detail);

/// <summary>The result of verifying a table's whole chain.</summary>
public sealed record ChainReport(string TableId, int RecordsChecked, long EventsChecked, long LastSequenceNr, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;

    /// <summary>The first break in journal order, if any.</summary>
    public ChainBreak? FirstBreak => Breaks.Count == 0 ? null : Breaks[0];
}
