using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Statistics;

namespace LiveCasino.Tables.Protocol;

/// <summary>
/// The table as a client needs it on arrival: configuration, the current round and its clock, the
/// last results and statistics. <see cref="SequenceNr"/> is the last event it includes; events
/// after it arrive as <see cref="TableNotification.EventPersisted"/>. <see cref="Cards"/> are the
/// cards of the current round dealt so far. <see cref="FailedWalletOperations"/> are owed operations a
/// wallet refused for good (e.g. a negative adjustment beyond the balance): they need an operator.
/// </summary>
public sealed record TableSnapshot(
    string TableId,
    long SequenceNr,
    TableConfig? Config,
    long RoundNo,
    RoundPhase Phase,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosesAt,
    TimeSpan TimeLeft,
    DateTimeOffset ServerNow,
    DateTimeOffset StudioNow,
    IReadOnlyList<DealtCard> Cards,
    RoundResult? Result,
    int BetsThisRound,
    long StakeThisRound,
    int ShoeNo,
    bool ShoeNeedsChange,
    int PendingWalletOperations,
    int FailedWalletOperations,
    bool ChainIntact,
    TableStatisticsView Statistics);
