namespace LiveCasino.Games.Roulette;

/// <summary>Single-zero roulette: layout, validation and settlement. Pure and thread-safe.</summary>
public sealed class RouletteRules(RouletteOptions options) : IGameRules<RouletteSpin, RoulettePaytable>
{
    public RouletteRules()
        : this(RouletteOptions.Default)
    {
    }

    public RouletteOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyList<BetSpot> Spots(RoulettePaytable paytable)
    {
        ArgumentNullException.ThrowIfNull(paytable);
        return [.. RouletteLayout.Spots.Select(s => new BetSpot(s.Id, s.KindName, paytable.For(s.Kind), s.Description))];
    }

    public BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> acceptedThisRound)
    {
        ArgumentNullException.ThrowIfNull(bet);
        var spotVerdict = RouletteLayout.CheckSpot(bet.Spot);
        return spotVerdict != BetVerdict.Accepted
            ? spotVerdict
            : BetValidation.CheckLimits(bet, RouletteLayout.Resolve(bet.Spot).KindName, limits, acceptedThisRound);
    }

    public SpinVerdict Check(RouletteSpin spin)
    {
        ArgumentNullException.ThrowIfNull(spin);
        if (spin.Number is < 0 or > RouletteLayout.MaxNumber)
        {
            return SpinVerdict.NumberOutOfRange;
        }

        if (spin.FaultReported)
        {
            return SpinVerdict.FaultReported;
        }

        return spin.BallRevolutions < Options.MinRevolutions ? SpinVerdict.TooFewRevolutions : SpinVerdict.Valid;
    }

    /// <summary>Settles the bets, or voids the round (every stake refunded) when <see cref="Check"/> fails.</summary>
    public RoundSettlement Settle(IReadOnlyList<Bet> bets, RouletteSpin outcome, RoulettePaytable paytable)
    {
        ArgumentNullException.ThrowIfNull(bets);
        ArgumentNullException.ThrowIfNull(paytable);
        if (Check(outcome) != SpinVerdict.Valid)
        {
            return RoundSettlement.Void(paytable.Ref, bets);
        }

        var settled = new BetSettlement[bets.Count];
        for (var i = 0; i < bets.Count; i++)
        {
            settled[i] = SettleOne(bets[i], outcome.Number, paytable);
        }

        return new RoundSettlement(paytable.Ref, settled, IsVoid: false);
    }

    private static BetSettlement SettleOne(Bet bet, int number, RoulettePaytable paytable)
    {
        BetValidation.RequireSettleable(bet);
        var spot = RouletteLayout.Resolve(bet.Spot);
        if (spot.Covers(number))
        {
            return BetSettlement.Win(bet, paytable.For(spot.Kind));
        }

        if (number == 0 && paytable.LaPartage && spot.IsEvenMoney)
        {
            // Half the stake back; an odd minor unit stays with the house.
            return BetSettlement.HalfBack(bet);
        }

        return BetSettlement.Lose(bet);
    }
}
