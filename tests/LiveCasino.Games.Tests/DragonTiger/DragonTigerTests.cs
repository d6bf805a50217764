using LiveCasino.Games.DragonTiger;

namespace LiveCasino.Games.Tests.DragonTiger;

public sealed class DragonTigerTests
{
    private const long Stake = 100;
    private static readonly DragonTigerRules Rules = new();

    [Theory]
    [InlineData("dragon", 96.27, 399.5 / 415)]
    [InlineData("tiger", 96.27, 399.5 / 415)]
    [InlineData("tie", 89.64, 372.0 / 415)]
    [InlineData("suited-tie", 86.02, 357.0 / 415)]
    public void Exact_enumeration_gives_the_published_rtp(string spot, double published, double exact)
    {
        // Every ordered pair of the 52 distinct cards, 8 copies each, without replacement.
        var bet = TestCards.Bet(spot, Stake);
        long returned = 0;
        for (var d = 0; d < 52; d++)
        {
            for (var t = 0; t < 52; t++)
            {
                long weight = 8 * (d == t ? 7 : 8);
                var outcome = new DragonTigerOutcome(Card.FromIndex(d), Card.FromIndex(t));
                returned += weight * Rules.Settle([bet], outcome, DragonTigerPaytable.Standard).TotalReturned;
            }
        }

        var rtp = Fraction.Of(returned, 416L * 415 * Stake);
        Assert.Equal((decimal)published, rtp.Percent(2));
        Assert.Equal((decimal)Math.Round(exact * 100, 8), rtp.Percent(8));
    }

    [Fact]
    public void Ace_is_low_and_king_high_and_suits_do_not_rank()
    {
        Assert.Equal(DragonTigerWinner.Tiger, new DragonTigerOutcome(TestCards.C("AS"), TestCards.C("2C")).Winner);
        Assert.Equal(DragonTigerWinner.Dragon, new DragonTigerOutcome(TestCards.C("KC"), TestCards.C("QS")).Winner);
        Assert.Equal(DragonTigerWinner.Tie, new DragonTigerOutcome(TestCards.C("7C"), TestCards.C("7S")).Winner);
    }

    [Fact]
    public void A_tie_returns_half_the_main_stakes_rounded_down_and_pays_tie_and_suited_tie()
    {
        var suited = new DragonTigerOutcome(TestCards.C("7H"), TestCards.C("7H"));
        var settlement = Rules.Settle(
            [TestCards.Bet("dragon", 101, 1), TestCards.Bet("tiger", 100, 2), TestCards.Bet("tie", 10, 3), TestCards.Bet("suited-tie", 10, 4)],
            suited, DragonTigerPaytable.Standard);
        Assert.Equal(
            [(SettlementKind.HalfBack, 50L), (SettlementKind.HalfBack, 50L), (SettlementKind.Win, 120L), (SettlementKind.Win, 510L)],
            settlement.Bets.Select(b => (b.Kind, b.Returned)));
        var unsuited = new DragonTigerOutcome(TestCards.C("7H"), TestCards.C("7S"));
        Assert.Equal(0, Rules.Settle([TestCards.Bet("suited-tie", 10)], unsuited, DragonTigerPaytable.Standard).TotalReturned);
    }

    [Fact]
    public void Tie_odds_are_configurable_under_their_own_paytable_id()
    {
        var eightToOne = DragonTigerPaytable.WithTie(8);
        var settlement = Rules.Settle([TestCards.Bet("tie", 10)], new DragonTigerOutcome(TestCards.C("3H"), TestCards.C("3C")), eightToOne);
        Assert.Equal(90, settlement.TotalReturned);
        Assert.Equal(new PaytableRef("dragon-tiger-tie-8", 1), settlement.Paytable);
    }

    [Fact]
    public void The_deal_takes_dragon_then_tiger_then_refuses_more()
    {
        var deal = DragonTigerDeal.Empty.Accept(TestCards.C("4C"))!.Accept(TestCards.C("JD"))!;
        Assert.True(deal.IsComplete);
        Assert.Equal(DragonTigerWinner.Tiger, deal.Outcome.Winner);
        Assert.Null(deal.Accept(TestCards.C("2C")));
    }
}
