namespace LiveCasino.Tables.Protocol;

/// <summary>A stake on one spot of the layout ("banker", "straight:17", "split:4-7"), in minor units.</summary>
public sealed record BetLine(string Spot, long Amount);
