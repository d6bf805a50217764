namespace LiveCasino.Games.Common;

/// <summary>A spot a player can bet on, as shown on the layout.</summary>
/// <param name="Kind">The limit group of the spot ("straight", "split", "banker"): limits are usually set per kind.</param>
public sealed record BetSpot(SpotId Id, string Kind, Payout Payout, string Description);
