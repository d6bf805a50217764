namespace LiveCasino.Games.Common;

/// <summary>The settlement of all bets of a round, with the paytable it was computed under.</summary>
public sealed record RoundSettlement(PaytableRef Paytable, IReadOnlyList<BetSettlement> Bets, bool IsVoid)
{
    public long TotalStaked => Bets.Sum(b => b.Stake);

    public long TotalReturned => Bets.Sum(b => b.Returned);

    /// <summary>Every stake refunded: no result, or a result that can't stand.</summary>
    public static RoundSettlement Void(PaytableRef paytable, IReadOnlyList<Bet> bets)
    {
        ArgumentNullException.ThrowIfNull(bets);
        var settled = bets.Select(BetSettlement.Void).ToArray();
        return new RoundSettlement(paytable, settled, IsVoid: true);
    }
}
