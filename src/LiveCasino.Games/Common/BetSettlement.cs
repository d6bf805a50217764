namespace LiveCasino.Games.Common;

/// <summary>What one bet returns. <see cref="Returned"/> includes the stake (a lost bet returns 0).</summary>
public sealed record BetSettlement(BetId BetId, SpotId Spot, long Stake, long Returned, SettlementKind Kind)
{
    /// <summary>Net result for the player: returned minus stake.</summary>
    public long Net => Returned - Stake;

    /// <summary>Stake plus winnings at <paramref name="payout"/> (rounded as <see cref="Payout.ReturnFor"/> says).</summary>
    public static BetSettlement Win(Bet bet, Payout payout)
    {
        ArgumentNullException.ThrowIfNull(bet);
        ArgumentNullException.ThrowIfNull(payout);
        return new(bet.Id, bet.Spot, bet.Amount, payout.ReturnFor(bet.Amount), SettlementKind.Win);
    }

    public static BetSettlement Lose(Bet bet) => Of(bet, 0, SettlementKind.Lose);

    /// <summary>The stake comes back unchanged.</summary>
    public static BetSettlement Push(Bet bet) => Of(bet, bet.Amount, SettlementKind.Push);

    /// <summary>Half the stake back; an odd minor unit stays with the house.</summary>
    public static BetSettlement HalfBack(Bet bet) => Of(bet, bet.Amount / 2, SettlementKind.HalfBack);

    /// <summary>The round was voided: the whole stake is refunded.</summary>
    public static BetSettlement Void(Bet bet) => Of(bet, bet.Amount, SettlementKind.Void);

    private static BetSettlement Of(Bet bet, long returned, SettlementKind kind)
    {
        ArgumentNullException.ThrowIfNull(bet);
        return new(bet.Id, bet.Spot, bet.Amount, returned, kind);
    }
}
