using LiveCasino.Games.Baccarat;

namespace LiveCasino.Games.Tests.Baccarat;

public sealed class DrawingTableTests
{
    // The published Banker tableau, transcribed by hand: row = Banker two-card total 0-7,
    // columns = Player stood ("-"), then the value of the Player's third card 0-9. D = draw, S = stand.
    //                                     -0123456789
    private static readonly string[] BankerTableau =
    [
        /* 0 */ "DDDDDDDDDDD",
        /* 1 */ "DDDDDDDDDDD",
        /* 2 */ "DDDDDDDDDDD",
        /* 3 */ "DDDDDDDDDSD",
        /* 4 */ "DSSDDDDDDSS",
        /* 5 */ "DSSSSDDDDSS",
        /* 6 */ "SSSSSSSDDSS",
        /* 7 */ "SSSSSSSSSSS",
    ];

    public static TheoryData<int, int> Cells()
    {
        var data = new TheoryData<int, int>();
        for (var banker = 0; banker <= 7; banker++)
        {
            for (var column = 0; column <= 10; column++)
            {
                data.Add(banker, column);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Banker_tableau_cell_matches_the_rule_function(int bankerTotal, int column)
    {
        int? third = column == 0 ? null : column - 1;
        Assert.Equal(BankerTableau[bankerTotal][column] == 'D', BaccaratDrawingRules.BankerDraws(bankerTotal, third));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Banker_tableau_cell_matches_the_dealing_machine(int bankerTotal, int column)
    {
        // Player 6 stands for the "-" column; Player 0 draws otherwise.
        var deal = Deal(playerTotal: column == 0 ? 6 : 0, bankerTotal);
        if (column > 0)
        {
            Assert.Equal(BaccaratHand.Player, deal.NextHand);
            deal = deal.Accept(TestCards.OfValue(column - 1, Suit.Hearts)).Deal;
        }

        var draws = BankerTableau[bankerTotal][column] == 'D';
        Assert.Equal(draws ? BaccaratHand.Banker : null, deal.NextHand);
        var extra = deal.Accept(TestCards.C("9C"), BaccaratHand.Banker);
        Assert.Equal(draws ? DealRejection.None : DealRejection.BankerMustStand, extra.Rejection);
        if (draws)
        {
            Assert.True(extra.Deal.IsComplete);
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(7, false)]
    public void Player_draws_on_0_to_5_and_stands_on_6_or_7(int playerTotal, bool draws)
    {
        Assert.Equal(draws, BaccaratDrawingRules.PlayerDraws(playerTotal));
        var deal = Deal(playerTotal, bankerTotal: 7);
        Assert.Equal(draws ? BaccaratHand.Player : null, deal.NextHand);
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(9, 3)]
    [InlineData(0, 8)]
    [InlineData(5, 9)]
    public void A_natural_on_either_hand_ends_the_deal_on_four_cards(int playerTotal, int bankerTotal)
    {
        var deal = Deal(playerTotal, bankerTotal);
        Assert.True(deal.IsComplete);
        Assert.True(deal.Outcome.IsNatural);
        Assert.Equal(DealRejection.PlayerMustStand, deal.Accept(TestCards.C("2C"), BaccaratHand.Player).Rejection);
        Assert.Equal(DealRejection.RoundComplete, deal.Accept(TestCards.C("2C")).Rejection);
    }

    /// <summary>P1 B1 P2 B2 with a Ten first, so each hand's total is its second card.</summary>
    internal static BaccaratDeal Deal(int playerTotal, int bankerTotal)
    {
        var deal = BaccaratDeal.Empty;
        foreach (var card in new[] { TestCards.C("TS"), TestCards.C("KD"), TestCards.OfValue(playerTotal, Suit.Clubs), TestCards.OfValue(bankerTotal, Suit.Diamonds) })
        {
            var step = deal.Accept(card);
            Assert.True(step.IsAccepted);
            deal = step.Deal;
        }

        return deal;
    }
}
