using System.Text.Json;

namespace LiveCasino.Server.Api.Contracts;

// The tables API's wire types: round history and round records (for disputes), read from the
// table's journal and checked against its hash chain.

/// <summary>One record seal: what it closes (round or correction), when, and the hash chain link.</summary>
public sealed record SealView(
    string Kind, long SealSequenceNr, long FirstSequenceNr, long LastSequenceNr, int Events,
    DateTimeOffset ServerTime, DateTimeOffset StudioTime, string Hash, string PreviousHash);

/// <summary>One round of a table's history: its record seal and any corrections, oldest first.</summary>
public sealed record RoundHistoryItem(string RoundId, long RoundNo, DateTimeOffset SealedAt, int Events, string Hash, IReadOnlyList<SealView> Seals);

/// <summary>A page of round history, newest round first; pass <paramref name="NextBefore"/> as <c>before</c> for older rounds, null at the end.</summary>
public sealed record RoundHistoryResponse(string TableId, IReadOnlyList<RoundHistoryItem> Items, long? NextBefore);

/// <summary>
/// One recorded event as stored: its journal position, stable manifest, server and studio time,
/// and the event itself as the JSON the record hash covers.
/// </summary>
public sealed record RoundEventView(long SequenceNr, string Manifest, DateTimeOffset ServerTime, DateTimeOffset StudioTime, JsonElement Event);

/// <summary>Where the record does not check against its seal.</summary>
public sealed record ChainBreakView(string Kind, long RoundNo, long SequenceNr, string Detail);

/// <summary>
/// GET /api/tables/{tableId}/rounds/{roundNo}: every recorded event of the round and of its later
/// corrections, the seals, and whether the events hash to them (<paramref name="Verified"/>, checked
/// on the stored bytes). <paramref name="OtherPlayersMasked"/>: a player is shown other players' ids
/// as "another player" (operators see the events exactly as stored).
/// </summary>
public sealed record RoundRecordResponse(
    string TableId, long RoundNo, string RoundId, bool Verified, bool OtherPlayersMasked,
    IReadOnlyList<SealView> Seals, IReadOnlyList<RoundEventView> Events, IReadOnlyList<ChainBreakView> Breaks);
