using LiveCasino.Games.Roulette;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.GameRules;

internal sealed class RouletteEngine(TableConfig config) : GameEngine(config)
{
    private readonly RouletteRules _rules = new(new RouletteOptions(config.MinRevolutions));

    public override bool UsesCards => false;

    private RoulettePaytable Table => (RoulettePaytable)Paytable;

    public override BetVerdict Validate(Bet bet, BetLimits limits, IReadOnlyList<Bet> playerLines) => _rules.Validate(bet, limits, playerLines);

    public override (RoundResult? Result, TableRejection? Rejection, string Detail) CheckSpin(int number, int revolutions, bool fault)
    {
        var verdict = _rules.Check(new RouletteSpin(number, revolutions, fault));
        return verdict switch
        {
            SpinVerdict.Valid => (Describe(number, revolutions), null, string.Empty),
            SpinVerdict.NumberOutOfRange => (null, TableRejection.NumberOutOfRange, $"{number} is not a pocket (0-36)."),
            SpinVerdict.TooFewRevolutions => (null, TableRejection.NoSpin, $"{revolutions} revolutions, at least {_rules.Options.MinRevolutions} needed."),
            _ => (null, TableRejection.NoSpin, "A fault was reported with the spin."),
        };
    }

    public override RoundSettlement Settle(IReadOnlyList<Bet> bets, RoundResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var spin = new RouletteSpin(result.Number ?? throw new ArgumentException("A roulette result has a number.", nameof(result)), result.Revolutions ?? _rules.Options.MinRevolutions);
        return _rules.Settle(bets, spin, Table);
    }

    public static RoundResult Describe(int number, int revolutions)
    {
        var colour = number == 0 ? "green" : RouletteLayout.IsRed(number) ? "red" : "black";
        return new RoundResult(GameKind.Roulette, colour, number, revolutions, null, null, null, false, false, false);
    }
}
