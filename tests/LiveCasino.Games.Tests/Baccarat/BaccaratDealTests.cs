using LiveCasino.Games.Baccarat;

namespace LiveCasino.Games.Tests.Baccarat;

public sealed class BaccaratDealTests
{
    [Fact]
    public void Cards_go_player_banker_player_banker_then_by_the_tableau()
    {
        var deal = BaccaratDeal.Empty;
        var hands = new List<BaccaratHand?>();
        foreach (var card in new[] { "2C", "3D", "2H", "TS", "4C", "KD" })
        {
            hands.Add(deal.NextHand);
            var step = deal.Accept(TestCards.C(card));
            Assert.Equal(hands[^1], step.Hand);
            deal = step.Deal;
        }

        // Player 4 draws a 4 (total 8); Banker 3 draws on a player third of 4.
        Assert.Equal(
            [BaccaratHand.Player, BaccaratHand.Banker, BaccaratHand.Player, BaccaratHand.Banker, BaccaratHand.Player, BaccaratHand.Banker],
            hands);
        Assert.True(deal.IsComplete);
        Assert.Equal((8, 3, BaccaratWinner.Player), (deal.Outcome.PlayerTotal, deal.Outcome.BankerTotal, deal.Outcome.Winner));
    }

    [Fact]
    public void A_card_placed_on_the_wrong_hand_is_refused_and_the_deal_is_unchanged()
    {
        var deal = BaccaratDeal.Empty.Accept(TestCards.C("5C")).Deal;
        var step = deal.Accept(TestCards.C("5D"), BaccaratHand.Player);
        Assert.Equal(DealRejection.OutOfOrder, step.Rejection);
        Assert.Same(deal, step.Deal);
    }

    [Fact]
    public void A_player_third_card_when_the_player_stands_is_refused()
    {
        var deal = DrawingTableTests.Deal(playerTotal: 7, bankerTotal: 3);
        Assert.Equal(BaccaratHand.Banker, deal.NextHand);
        Assert.Equal(DealRejection.PlayerMustStand, deal.Accept(TestCards.C("4H"), BaccaratHand.Player).Rejection);
    }

    [Fact]
    public void A_card_after_completion_is_refused()
    {
        var deal = DrawingTableTests.Deal(playerTotal: 7, bankerTotal: 6);
        Assert.True(deal.IsComplete);
        Assert.Equal(DealRejection.RoundComplete, deal.Accept(TestCards.C("4H")).Rejection);
        Assert.Throws<InvalidOperationException>(() => BaccaratDeal.Empty.Outcome);
    }

    [Fact]
    public void Recorded_hands_rebuild_the_outcome_only_when_they_follow_the_rules()
    {
        Card[] H(params string[] cards) => [.. cards.Select(TestCards.C)];

        Assert.NotNull(BaccaratOutcome.FromHands(H("2C", "2H", "4C"), H("3D", "TS", "KD")));
        Assert.Null(BaccaratOutcome.FromHands(H("2C", "2H"), H("3D", "TS")));               // both must still draw
        Assert.Null(BaccaratOutcome.FromHands(H("9C", "TH", "4C"), H("3D", "TS")));         // natural, no third card
        Assert.Null(BaccaratOutcome.FromHands(H("6C", "TH"), H("7D", "TS", "2C")));         // banker 7 stands
        Assert.Null(BaccaratOutcome.FromHands(H("2C", "2H", "8C"), H("3D", "TS", "KD")));   // banker 3 stands on an 8
        Assert.Null(BaccaratOutcome.FromHands(H("2C"), H("3D", "TS")));
    }

    [Fact]
    public void Pairs_are_by_rank_not_by_value()
    {
        var tenKing = BaccaratOutcome.FromHands([TestCards.C("TC"), TestCards.C("KC"), TestCards.C("2C")], [TestCards.C("8D"), TestCards.C("8S")])!;
        Assert.False(tenKing.PlayerPair);
        Assert.True(tenKing.BankerPair);
    }
}
