namespace LiveCasino.Games.Tests.Support;

internal static class TestCards
{
    public static Card C(string text) => Card.Parse(text);

    /// <summary>A card of the given baccarat value (0 is a Ten).</summary>
    public static Card OfValue(int value, Suit suit = Suit.Spades) => new(value == 0 ? Rank.Ten : (Rank)value, suit);

    public static Bet Bet(string spot, long amount, long id = 1) => new(new BetId(id), new SpotId(spot), amount);

    public static BetLimits WideLimits { get; } = new(new SpotLimit(1, long.MaxValue / 4), long.MaxValue / 4, 1000);
}
