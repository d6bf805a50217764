namespace LiveCasino.Games.Common;

/// <summary>A stake on one spot, in minor units of the table currency.</summary>
public sealed record Bet(BetId Id, SpotId Spot, long Amount);
