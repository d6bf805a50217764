namespace LiveCasino.Games.Common;

/// <summary>What one bet returns. <see cref="Returned"/> includes the stake (a lost bet returns 0).</summary>
public sealed record BetSettlement(BetId BetId, SpotId Spot, long Stake, long Returned, SettlementKind Kind)
{
    /// <summary>Net result for the player: returned minus stake.</summary>
    public long Net => Returned - Stake;
}
