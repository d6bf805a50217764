using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Statistics;

namespace LiveCasino.Tables.State;

/// <summary>
/// A table's state between two records ("table.snapshot.v1"): taken only when no round is in
/// progress and the record chain has no open record, so it needs no pending bets and no running hash.
/// </summary>
internal sealed record TableStateSnapshot(
    TableConfig? Config,
    long LastRoundNo,
    int ShoeCount,
    long StudioOffsetTicks,
    IReadOnlyList<RoundSnapshot> Rounds,
    ShoeSnapshot? Shoe,
    IReadOnlyList<OutboxEntry> Outbox,
    IReadOnlyList<ResultEntry> Results,
    IReadOnlyList<RoundTurnover> Turnover,
    IReadOnlyList<DateTimeOffset> RoundEnds,
    string ChainLastHash,
    long ChainLastSealedRound,
    string? ChainBreak);

/// <summary>A round in a snapshot; <see cref="Rounds"/> of the table lists the current one first.</summary>
internal sealed record RoundSnapshot(
    long RoundNo,
    RoundPhase Phase,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt,
    PaytableRef Paytable,
    string Currency,
    long LastBetNo,
    IReadOnlyList<DealtCard> Cards,
    RoundResult? Result,
    long TotalReturned,
    int Corrections,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? SettledAt,
    IReadOnlyList<BetSnapshot> Bets);

internal sealed record BetSnapshot(BetRequest Request, BetStatus Status, BetRejection? Reason, DateTimeOffset? DecidedAt, long? Returned);

internal sealed record ShoeSnapshot(int ShoeNo, int Decks, IReadOnlyList<ShoeLogEntry> Log, IReadOnlyList<string> BurnSources);

internal sealed record ShoeLogEntry(ShoeOp Op, string? Card);

internal sealed record ResultEntry(long RoundNo, int ShoeNo, RoundResult Result);
