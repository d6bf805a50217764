namespace LiveCasino.Games.Roulette;

/// <summary>Roulette payouts by bet kind, and whether La Partage applies to even-money bets on zero.</summary>
public sealed record RoulettePaytable(
    PaytableRef Ref,
    Payout Straight,
    Payout Split,
    Payout Street,
    Payout Trio,
    Payout Corner,
    Payout SixLine,
    Payout DozenOrColumn,
    Payout EvenMoney,
    bool LaPartage) : IPaytable
{
    /// <summary>Single-zero roulette: every bet returns 36/37 of its stake on average.</summary>
    public static RoulettePaytable European { get; } = new(
        new PaytableRef("roulette-european", 1),
        Straight: Payout.ToOne(35),
        Split: Payout.ToOne(17),
        Street: Payout.ToOne(11),
        Trio: Payout.ToOne(11),
        Corner: Payout.ToOne(8),
        SixLine: Payout.ToOne(5),
        DozenOrColumn: Payout.ToOne(2),
        EvenMoney: Payout.ToOne(1),
        LaPartage: false);

    /// <summary>Same payouts; even-money bets get half their stake back on zero.</summary>
    public static RoulettePaytable EuropeanLaPartage { get; } =
        European with { Ref = new PaytableRef("roulette-european-la-partage", 1), LaPartage = true };

    public Payout For(RouletteBetKind kind) => kind switch
    {
        RouletteBetKind.Straight => Straight,
        RouletteBetKind.Split => Split,
        RouletteBetKind.Street => Street,
        RouletteBetKind.Trio => Trio,
        RouletteBetKind.Corner => Corner,
        RouletteBetKind.SixLine => SixLine,
        RouletteBetKind.Dozen or RouletteBetKind.Column => DozenOrColumn,
        _ => EvenMoney,
    };
}
