namespace LiveCasino.Games.Tests.Cards;

public sealed class CardTests
{
    [Theory]
    [InlineData("AS", Rank.Ace, Suit.Spades, 1)]
    [InlineData("td", Rank.Ten, Suit.Diamonds, 0)]
    [InlineData("KH", Rank.King, Suit.Hearts, 0)]
    [InlineData("9C", Rank.Nine, Suit.Clubs, 9)]
    public void Scanner_codes_parse_to_rank_suit_and_baccarat_value(string text, Rank rank, Suit suit, int value)
    {
        var card = Card.Parse(text);
        Assert.Equal((rank, suit, value), (card.Rank, card.Suit, card.BaccaratValue));
        Assert.Equal(text.ToUpperInvariant(), card.ToString());
        Assert.Equal(card, Card.FromIndex(card.Index));
    }

    [Theory]
    [InlineData("1S")]
    [InlineData("AX")]
    [InlineData("10H")]
    [InlineData("")]
    public void Bad_scanner_codes_are_refused(string text)
    {
        Assert.False(Card.TryParse(text, out _));
    }
}
