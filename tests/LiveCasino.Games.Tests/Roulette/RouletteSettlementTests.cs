using LiveCasino.Games.Roulette;

namespace LiveCasino.Games.Tests.Roulette;

public sealed class RouletteSettlementTests
{
    private static readonly RouletteRules Rules = new();

    [Fact]
    public void Straight_win_returns_stake_plus_35_times_and_records_the_paytable()
    {
        var settlement = Rules.Settle([TestCards.Bet("straight:17", 250)], new RouletteSpin(17, 6), RoulettePaytable.European);
        var bet = Assert.Single(settlement.Bets);
        Assert.Equal((SettlementKind.Win, 250 * 36L), (bet.Kind, bet.Returned));
        Assert.Equal(new PaytableRef("roulette-european", 1), settlement.Paytable);
        Assert.False(settlement.IsVoid);
    }

    [Fact]
    public void Zero_loses_every_outside_bet_without_la_partage()
    {
        string[] outside = ["red", "black", "odd", "even", "low", "high", "dozen:1", "column:3"];
        var bets = outside.Select((s, i) => TestCards.Bet(s, 10, i)).ToArray();
        var settlement = Rules.Settle(bets, new RouletteSpin(0, 5), RoulettePaytable.European);
        Assert.All(settlement.Bets, b => Assert.Equal((SettlementKind.Lose, 0L), (b.Kind, b.Returned)));
    }

    [Fact]
    public void La_partage_returns_half_rounded_down_on_zero()
    {
        var settlement = Rules.Settle(
            [TestCards.Bet("red", 101, 1), TestCards.Bet("dozen:1", 100, 2)], new RouletteSpin(0, 5), RoulettePaytable.EuropeanLaPartage);
        Assert.Equal((SettlementKind.HalfBack, 50L), (settlement.Bets[0].Kind, settlement.Bets[0].Returned));
        Assert.Equal((SettlementKind.Lose, 0L), (settlement.Bets[1].Kind, settlement.Bets[1].Returned));
    }

    [Theory]
    [InlineData(3, false, SpinVerdict.TooFewRevolutions)]
    [InlineData(4, true, SpinVerdict.FaultReported)]
    public void An_invalid_spin_voids_the_round_and_refunds_every_stake(int revolutions, bool fault, SpinVerdict verdict)
    {
        var spin = new RouletteSpin(17, revolutions, fault);
        Assert.Equal(verdict, Rules.Check(spin));
        var settlement = Rules.Settle([TestCards.Bet("straight:17", 100, 1), TestCards.Bet("red", 40, 2)], spin, RoulettePaytable.European);
        Assert.True(settlement.IsVoid);
        Assert.All(settlement.Bets, b => Assert.Equal((SettlementKind.Void, b.Stake), (b.Kind, b.Returned)));
    }

    [Fact]
    public void Four_revolutions_is_a_valid_spin_by_default_and_the_minimum_is_configurable()
    {
        Assert.Equal(SpinVerdict.Valid, Rules.Check(new RouletteSpin(0, 4)));
        Assert.Equal(SpinVerdict.TooFewRevolutions, new RouletteRules(new RouletteOptions(minRevolutions: 6)).Check(new RouletteSpin(0, 5)));
        Assert.Equal(SpinVerdict.NumberOutOfRange, Rules.Check(new RouletteSpin(37, 5)));
        Assert.True(Rules.Settle([TestCards.Bet("red", 10)], new RouletteSpin(-1, 5), RoulettePaytable.European).IsVoid);
    }

    [Fact]
    public void A_round_re_settles_identically_with_the_paytable_value_it_was_played_under()
    {
        var bets = new[] { TestCards.Bet("red", 101, 1), TestCards.Bet("straight:0", 5, 2) };
        var played = RoulettePaytable.EuropeanLaPartage;
        var recorded = played with { };
        var first = Rules.Settle(bets, new RouletteSpin(0, 5), played);
        var again = Rules.Settle(bets, new RouletteSpin(0, 5), recorded);
        Assert.Equal(recorded, played);
        Assert.Equal(first.Bets, again.Bets);
        Assert.Equal(first.Paytable, again.Paytable);
    }

    [Fact]
    public void Settling_a_bet_that_was_never_valid_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => Rules.Settle([TestCards.Bet("split:1-5", 10)], new RouletteSpin(1, 5), RoulettePaytable.European));
        Assert.Throws<ArgumentException>(() => Rules.Settle([TestCards.Bet("red", 0)], new RouletteSpin(1, 5), RoulettePaytable.European));
    }
}
