namespace LiveCasino.Games.Tests.Cards;

public sealed class ShoeTests
{
    private static Shoe Burned(string first = "5C")
    {
        var shoe = Shoe.New().Burn(TestCards.C(first)).Shoe;
        while (shoe.Phase == ShoePhase.Burning)
        {
            shoe = shoe.Burn(TestCards.C("2D")).Shoe;
        }

        return shoe;
    }

    [Theory]
    [InlineData("AC", 1)]
    [InlineData("5C", 5)]
    [InlineData("9H", 9)]
    [InlineData("TS", 10)]
    [InlineData("KD", 10)]
    public void First_card_value_decides_how_many_are_burned(string first, int burns)
    {
        var shoe = Shoe.New().Burn(TestCards.C(first)).Shoe;
        Assert.Equal((ShoePhase.Burning, burns), (shoe.Phase, shoe.BurnsRemaining));
        for (var i = 0; i < burns; i++)
        {
            Assert.Equal(ShoeRejection.BurnIncomplete, shoe.StartRound().Rejection);
            shoe = shoe.Burn(Card.FromIndex(i)).Shoe;
        }

        Assert.Equal(ShoePhase.Dealing, shoe.Phase);
        Assert.Equal(416 - 1 - burns, shoe.RemainingCards);
        Assert.Equal(ShoeRejection.BurnNotExpected, shoe.Burn(TestCards.C("3S")).Rejection);
    }

    [Fact]
    public void A_ninth_copy_of_a_card_is_refused_and_flags_the_shoe_for_good()
    {
        var shoe = Burned().StartRound().Shoe;
        for (var i = 0; i < 8; i++)
        {
            shoe = shoe.Draw(TestCards.C("QH")).Shoe;
        }

        var ninth = shoe.Draw(TestCards.C("QH"));
        Assert.Equal(ShoeRejection.ImpossibleCard, ninth.Rejection);
        Assert.True(ninth.Shoe.IsFlagged);
        Assert.Equal(0, ninth.Shoe.RemainingOf(TestCards.C("QH")));
        var ended = ninth.Shoe.EndRound().Shoe;
        Assert.Equal(ShoePhase.Finished, ended.Phase);
        Assert.Equal(ShoeRejection.ShoeFinished, ended.StartRound().Rejection);
    }

    [Fact]
    public void Cut_card_during_a_hand_allows_exactly_one_more_hand_then_the_shoe_changes()
    {
        var shoe = Burned().StartRound().Shoe;
        shoe = shoe.ReachCutCard().Shoe;
        Assert.Equal(ShoeRejection.CutCardAlreadyReached, shoe.ReachCutCard().Rejection);
        shoe = shoe.EndRound().Shoe;
        Assert.Equal(ShoePhase.Dealing, shoe.Phase);
        shoe = shoe.StartRound().Shoe;
        shoe = shoe.EndRound().Shoe;
        Assert.Equal((ShoePhase.Finished, 2), (shoe.Phase, shoe.RoundsDealt));
        Assert.Equal(ShoeRejection.ShoeFinished, shoe.StartRound().Rejection);
    }

    [Fact]
    public void Cards_outside_a_round_and_rounds_inside_a_round_are_refused()
    {
        var shoe = Burned();
        Assert.Equal(ShoeRejection.NoRoundInProgress, shoe.Draw(TestCards.C("2C")).Rejection);
        Assert.Equal(ShoeRejection.NoRoundInProgress, shoe.EndRound().Rejection);
        var inRound = shoe.StartRound().Shoe;
        Assert.Equal(ShoeRejection.RoundInProgress, inRound.StartRound().Rejection);
        Assert.Equal(ShoeRejection.BurnIncomplete, Shoe.New().Draw(TestCards.C("2C")).Rejection);
    }

    [Fact]
    public void A_whole_shoe_can_be_drawn_once_and_nothing_more()
    {
        var shoe = Burned("AC").StartRound().Shoe;
        var left = Enumerable.Range(0, 52).SelectMany(i => Enumerable.Repeat(Card.FromIndex(i), shoe.RemainingOf(Card.FromIndex(i)))).ToArray();
        foreach (var card in left)
        {
            var step = shoe.Draw(card);
            Assert.True(step.IsAccepted);
            shoe = step.Shoe;
        }

        Assert.Equal(0, shoe.RemainingCards);
        Assert.All(Enumerable.Range(0, 52), i => Assert.Equal(ShoeRejection.ImpossibleCard, shoe.Draw(Card.FromIndex(i)).Rejection));
    }
}
