namespace LiveCasino.Games.DragonTiger;

/// <summary>Dragon Tiger payouts. On any tie, Dragon and Tiger bets get half their stake back.</summary>
/// <param name="Tie">11:1 by default; 8:1 and 10:1 exist elsewhere, as separate paytable ids.</param>
public sealed record DragonTigerPaytable(PaytableRef Ref, Payout Main, Payout Tie, Payout SuitedTie) : IPaytable
{
    public static DragonTigerPaytable Standard { get; } =
        new(new PaytableRef("dragon-tiger", 1), Payout.ToOne(1), Payout.ToOne(11), Payout.ToOne(50));

    /// <summary>A variant with another tie payout, under its own paytable id.</summary>
    public static DragonTigerPaytable WithTie(long tieOdds) =>
        Standard with { Ref = new PaytableRef(FormattableString.Invariant($"dragon-tiger-tie-{tieOdds}"), 1), Tie = Payout.ToOne(tieOdds) };
}
