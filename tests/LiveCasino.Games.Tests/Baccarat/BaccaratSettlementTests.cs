using LiveCasino.Games.Baccarat;

namespace LiveCasino.Games.Tests.Baccarat;

public sealed class BaccaratSettlementTests
{
    private static readonly BaccaratRules Rules = new();

    private static BaccaratOutcome Hands(string player, string banker) =>
        BaccaratOutcome.FromHands([.. player.Split(' ').Select(TestCards.C)], [.. banker.Split(' ').Select(TestCards.C)])
        ?? throw new InvalidOperationException("test hands break the rules");

    private static BetSettlement One(string spot, long stake, BaccaratOutcome outcome, BaccaratPaytable? paytable = null) =>
        Rules.Settle([TestCards.Bet(spot, stake)], outcome, paytable ?? BaccaratPaytable.Standard).Bets.Single();

    [Theory]
    [InlineData(100, 195)]
    [InlineData(101, 196)] // 95.95 winnings: floor to 95
    [InlineData(19, 37)]   // 18.05: floor to 18
    [InlineData(1, 1)]     // 0.95: floor to 0, stake back
    public void Banker_win_pays_095_rounded_down_to_the_minor_unit(long stake, long returned)
    {
        var settled = One("banker", stake, Hands("TC 6C", "3D 4S"));
        Assert.Equal((SettlementKind.Win, returned), (settled.Kind, settled.Returned));
    }

    [Fact]
    public void Player_and_banker_push_on_a_tie_and_tie_pays_8_to_1()
    {
        var tie = Hands("TC 7C", "KD 7D");
        Assert.Equal((SettlementKind.Push, 50L), (One("player", 50, tie).Kind, One("player", 50, tie).Returned));
        Assert.Equal((SettlementKind.Push, 50L), (One("banker", 50, tie).Kind, One("banker", 50, tie).Returned));
        Assert.Equal((SettlementKind.Win, 450L), (One("tie", 50, tie).Kind, One("tie", 50, tie).Returned));
    }

    [Fact]
    public void Pairs_pay_11_to_1_on_the_first_two_cards()
    {
        var outcome = Hands("4C 4H", "8D TS");
        Assert.Equal(1200, One("player-pair", 100, outcome).Returned);
        Assert.Equal(0, One("banker-pair", 100, outcome).Returned);
        Assert.Equal(SettlementKind.Lose, One("banker-pair", 100, outcome).Kind);
    }

    [Fact]
    public void No_commission_banker_pays_half_on_a_winning_six_and_even_money_otherwise()
    {
        var onSix = Hands("TC 5C TD", "3D 3S");
        var onSeven = Hands("TC 6C", "3D 4S");
        Assert.Equal(151, One("banker", 101, onSix, BaccaratPaytable.NoCommission).Returned); // 50.5 floors to 50
        Assert.Equal(202, One("banker", 101, onSeven, BaccaratPaytable.NoCommission).Returned);
        Assert.Equal(new PaytableRef("baccarat-no-commission", 1),
            Rules.Settle([TestCards.Bet("banker", 1)], onSix, BaccaratPaytable.NoCommission).Paytable);
    }

    [Fact]
    public void Spots_list_the_published_payouts()
    {
        var spots = Rules.Spots(BaccaratPaytable.Standard).ToDictionary(s => s.Id.Value, s => s.Payout);
        Assert.Equal(Payout.ToOne(1), spots["player"]);
        Assert.Equal(new Payout(19, 20), spots["banker"]);
        Assert.Equal(Payout.ToOne(8), spots["tie"]);
        Assert.Equal(Payout.ToOne(11), spots["player-pair"]);
        Assert.Equal(Payout.ToOne(11), spots["banker-pair"]);
    }

    [Fact]
    public void Validation_checks_spot_amount_and_limits_in_that_order()
    {
        var limits = new BetLimits(new SpotLimit(10, 1000), RoundMax: 1500, BetsPerRoundMax: 3,
            ByKind: System.Collections.Immutable.ImmutableDictionary<string, SpotLimit>.Empty.Add("tie", new SpotLimit(5, 100)));
        var held = new[] { TestCards.Bet("banker", 900, 1) };
        Assert.Equal(BetVerdict.UnknownSpot, Rules.Validate(TestCards.Bet("dragon", 50), limits, []));
        Assert.Equal(BetVerdict.NonPositiveAmount, Rules.Validate(TestCards.Bet("player", 0), limits, []));
        Assert.Equal(BetVerdict.BelowSpotMin, Rules.Validate(TestCards.Bet("player", 9), limits, []));
        Assert.Equal(BetVerdict.Accepted, Rules.Validate(TestCards.Bet("tie", 5), limits, []));
        Assert.Equal(BetVerdict.AboveSpotMax, Rules.Validate(TestCards.Bet("tie", 101), limits, []));
        Assert.Equal(BetVerdict.AboveSpotMax, Rules.Validate(TestCards.Bet("banker", 101), limits, held));
        Assert.Equal(BetVerdict.AboveRoundMax, Rules.Validate(TestCards.Bet("player", 601), limits, held));
        Assert.Equal(BetVerdict.TooManyBets, Rules.Validate(TestCards.Bet("tie", 5), limits, [.. held, .. held, .. held]));
    }
}
