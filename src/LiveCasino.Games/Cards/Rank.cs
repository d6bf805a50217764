namespace LiveCasino.Games.Cards;

/// <summary>Card rank; the numeric value is the Dragon Tiger order (Ace low, King high).</summary>
public enum Rank
{
    Ace = 1,
    Two = 2,
    Three = 3,
    Four = 4,
    Five = 5,
    Six = 6,
    Seven = 7,
    Eight = 8,
    Nine = 9,
    Ten = 10,
    Jack = 11,
    Queen = 12,
    King = 13,
}
