namespace LiveCasino.Server.Hubs.Contracts;

/// <summary>
/// Every sequenced table event (docs/protocol.md, "Player hub: events"): the common fields, then
/// the fields of its kind (absent when they do not apply). The event's kind is the hub target name.
/// </summary>
public sealed record TableEventView(
    string TableId,
    long RoundNo,
    string RoundId,
    long Seq,
    long PrevSeq,
    DateTimeOffset ServerTime,
    DateTimeOffset StudioTime)
{
    public DateTimeOffset? ClosesAt { get; init; }

    public long? BettingWindowMs { get; init; }

    public string? Paytable { get; init; }

    public string? By { get; init; }

    public CardView? Card { get; init; }

    public int? Position { get; init; }

    public string? OldCard { get; init; }

    public string? NewCard { get; init; }

    public ResultView? Result { get; init; }

    public long? TotalStake { get; init; }

    public long? TotalReturned { get; init; }

    public string? Reason { get; init; }

    public int? CorrectionNo { get; init; }

    public int? ShoeNo { get; init; }

    public int? Decks { get; init; }

    public string? Currency { get; init; }

    public LimitsView? Limits { get; init; }

    public MyRoundView? My { get; init; }
}

/// <summary>My part of a settled, voided or corrected round.</summary>
public sealed record MyRoundView(long Stake, long Returned, long Net, IReadOnlyList<MyBetResultView> Bets)
{
    public long? Adjustment { get; init; }
}

public sealed record MyBetResultView(string BetId, long BetNo, long Stake, long Returned);

/// <summary>Statistics of a table as of <paramref name="Seq"/> (not part of the sequence).</summary>
public sealed record TableStatsEvent(string TableId, long Seq, StatsView Stats);

/// <summary>A fresh snapshot replacing the table's state on the client.</summary>
public sealed record ResyncEvent(string TableId, string Reason, TableSnapshotView Snapshot);

/// <summary>The connection's session ended; the server closes it next.</summary>
public sealed record SessionEndedEvent(string Reason);
