namespace LiveCasino.Tables.Statistics;

/// <summary>Bets and money of one finished round.</summary>
public sealed record RoundTurnover(long RoundNo, int Bets, long Stake, long Returned, bool Voided, DateTimeOffset EndedAt);
