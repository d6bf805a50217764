namespace LiveCasino.Games.DragonTiger;

/// <summary>Dragon Tiger bets: validation and settlement. Pure and thread-safe.</summary>
public sealed class DragonTigerRules : IGameRules<DragonTigerOutcome, DragonTigerPaytable>
{
    public IReadOnlyList<BetSpot> Spots(DragonTigerPaytable paytable)
    {
        ArgumentNullException.ThrowIfNull(paytable);
        return
        [
            new(DragonTigerSpots.Dragon, "dragon", paytable.Main, "Dragon's card higher; half back on a tie"),
            new(DragonTigerSpots.Tiger, "tiger", paytable.Main, "Tiger's card higher; half back on a tie"),
            new(DragonTigerSpots.Tie, "tie", paytable.Tie, "Both cards the same rank"),
            new(DragonTigerSpots.SuitedTie, "suited-tie", paytable.SuitedTie, "Both cards the same rank and suit"),
        ];
    }

    public BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> acceptedThisRound)
    {
        ArgumentNullException.ThrowIfNull(bet);
        return DragonTigerSpots.All.Contains(bet.Spot)
            ? BetValidation.CheckLimits(bet, bet.Spot.Value, limits, acceptedThisRound)
            : BetVerdict.UnknownSpot;
    }

    public RoundSettlement Settle(IReadOnlyList<Bet> bets, DragonTigerOutcome outcome, DragonTigerPaytable paytable)
    {
        ArgumentNullException.ThrowIfNull(bets);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(paytable);
        return new RoundSettlement(paytable.Ref, [.. bets.Select(b => SettleOne(b, outcome, paytable))], IsVoid: false);
    }

    private static BetSettlement SettleOne(Bet bet, DragonTigerOutcome outcome, DragonTigerPaytable paytable)
    {
        BetValidation.RequireSettleable(bet);
        var winner = outcome.Winner;

        BetSettlement Win(Payout payout) => BetSettlement.Win(bet, payout);
        BetSettlement Lose() => BetSettlement.Lose(bet);

        BetSettlement HalfBack() => BetSettlement.HalfBack(bet);

        return bet.Spot.Value switch
        {
            "dragon" => winner switch
            {
                DragonTigerWinner.Dragon => Win(paytable.Main),
                DragonTigerWinner.Tie => HalfBack(),
                _ => Lose(),
            },
            "tiger" => winner switch
            {
                DragonTigerWinner.Tiger => Win(paytable.Main),
                DragonTigerWinner.Tie => HalfBack(),
                _ => Lose(),
            },
            "tie" => winner == DragonTigerWinner.Tie ? Win(paytable.Tie) : Lose(),
            "suited-tie" => outcome.IsSuitedTie ? Win(paytable.SuitedTie) : Lose(),
            _ => throw new ArgumentException($"Bet {bet.Id} is on '{bet.Spot}', not a Dragon Tiger spot.", nameof(bet)),
        };
    }
}
