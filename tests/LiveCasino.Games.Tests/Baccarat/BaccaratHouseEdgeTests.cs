using LiveCasino.Games.Baccarat;

namespace LiveCasino.Games.Tests.Baccarat;

/// <summary>Exact house edges from a full 8-deck shoe: every deal enumerated by card counts, settled by the library.</summary>
public sealed class BaccaratHouseEdgeTests
{
    private const long Stake = 100;
    private static readonly BaccaratRules Rules = new();
    private static readonly Lazy<BaccaratEnumerator> Enumeration = new(() => BaccaratEnumerator.Run(decks: 8));

    [Theory]
    [InlineData("banker", 1.06, 1.0579)]
    [InlineData("player", 1.24, 1.2351)]
    [InlineData("tie", 14.36, 14.3596)]
    public void Main_bets_have_the_published_8_deck_house_edge(string spot, double published, double fourDecimals)
    {
        var edge = HouseEdge(spot, BaccaratPaytable.Standard);
        Assert.Equal((decimal)published, edge.Percent(2));
        Assert.Equal((decimal)fourDecimals, edge.Percent(4));
    }

    [Fact]
    public void No_commission_banker_edge_is_about_1_46_percent()
    {
        var edge = HouseEdge("banker", BaccaratPaytable.NoCommission);
        Assert.Equal(1.46m, edge.Percent(2));
        Assert.Equal(1.4581m, edge.Percent(4));
    }

    [Theory]
    [InlineData("player-pair")]
    [InlineData("banker-pair")]
    public void Pair_bets_have_the_published_10_36_percent_edge(string spot)
    {
        // The pair depends only on the hand's first two cards: enumerate their ranks, 32 of each in 8 decks.
        var hand = spot == "player-pair" ? BaccaratHand.Player : BaccaratHand.Banker;
        var bet = TestCards.Bet(spot, Stake);
        long returned = 0;
        foreach (var first in Enum.GetValues<Rank>())
        {
            foreach (var second in Enum.GetValues<Rank>())
            {
                long weight = 32 * (first == second ? 31 : 32);
                var outcome = CompleteDeal(hand, new Card(first, Suit.Clubs), new Card(second, Suit.Hearts));
                returned += weight * Rules.Settle([bet], outcome, BaccaratPaytable.Standard).TotalReturned;
            }
        }

        var edge = Fraction.Of(1, 1) - Fraction.Of(returned, 416L * 415 * Stake);
        Assert.Equal(10.36m, edge.Percent(2));
        Assert.Equal(Fraction.Of(1, 1) - Fraction.Of(12 * 31, 415), edge);
    }

    [Fact]
    public void Enumeration_covers_every_deal_and_reuses_memoised_subtrees()
    {
        var run = Enumeration.Value;
        Assert.Equal(416L * 415 * 414 * 413 * 412 * 411, run.Denominator);
        Assert.Equal(run.Denominator, run.Weights.Sum());
        Assert.True(run.MemoHits > 1000);

        // Tie probability to 4 decimals as published: 9.5156%.
        var tie = Enumerable.Range(0, 10).Sum(t => run.Weights[(t * 10) + t]);
        Assert.Equal(9.5156m, Fraction.Of(tie, run.Denominator).Percent(4));
    }

    private static Fraction HouseEdge(string spot, BaccaratPaytable paytable)
    {
        var run = Enumeration.Value;
        var bet = TestCards.Bet(spot, Stake);
        System.Numerics.BigInteger returned = 0;
        for (var cls = 0; cls < 100; cls++)
        {
            if (run.Weights[cls] == 0)
            {
                continue;
            }

            var outcome = run.Representatives[cls]!;
            returned += (System.Numerics.BigInteger)run.Weights[cls] * Rules.Settle([bet], outcome, paytable).TotalReturned;
        }

        return Fraction.Of(1, 1) - Fraction.Of(returned, run.Denominator * (System.Numerics.BigInteger)Stake);
    }

    private static BaccaratOutcome CompleteDeal(BaccaratHand pairHand, Card first, Card second)
    {
        var ten = TestCards.C("TS");
        var cards = pairHand == BaccaratHand.Player ? new[] { first, ten, second, ten } : [ten, first, ten, second];
        var deal = BaccaratDeal.Empty;
        foreach (var card in cards)
        {
            deal = deal.Accept(card).Deal;
        }

        while (!deal.IsComplete)
        {
            deal = deal.Accept(ten).Deal;
        }

        return deal.Outcome;
    }
}
