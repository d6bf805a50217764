using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Statistics;

namespace LiveCasino.Server.Edge;

/// <summary>What the lobby shows of a table, kept current by its feed from the table's events.</summary>
public sealed record FeedView(
    TableConfig? Config,
    long RoundNo,
    RoundPhase Phase,
    DateTimeOffset? ClosesAt,
    long Seq,
    RoundResult? Result,
    TableStatisticsView? Stats)
{
    public static FeedView Empty { get; } = new(null, 0, RoundPhase.None, null, 0, null, null);
}
