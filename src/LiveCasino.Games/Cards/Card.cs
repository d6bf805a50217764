namespace LiveCasino.Games.Cards;

/// <summary>A playing card as scanned from the shoe, e.g. "QH", "TD", "AS".</summary>
/// <remarks>A struct rather than a class: cards sit in arrays and in exact-enumeration loops.</remarks>
public readonly record struct Card(Rank Rank, Suit Suit)
{
    private const string RankLetters = "A23456789TJQK";
    private const string SuitLetters = "CDHS";

    /// <summary>0..51, rank-major; the index of this card in a shoe's composition.</summary>
    public int Index => (((int)Rank - 1) * 4) + (int)Suit;

    /// <summary>Baccarat value: Ace 1, 2-9 face value, ten and court cards 0.</summary>
    public int BaccaratValue => Rank >= Rank.Ten ? 0 : (int)Rank;

    /// <summary>Number of cards burned after this one when it is the exposed first card (10 and court cards burn 10).</summary>
    public int BurnCount => Rank >= Rank.Ten ? 10 : (int)Rank;

    public bool IsValid => Rank is >= Rank.Ace and <= Rank.King && Suit is >= Suit.Clubs and <= Suit.Spades;

    public static Card FromIndex(int index)
    {
        if (index is < 0 or > 51)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A card index is 0..51.");
        }

        return new Card((Rank)((index / 4) + 1), (Suit)(index % 4));
    }

    /// <summary>Parses the two-letter scanner form: rank (A,2-9,T,J,Q,K) then suit (C,D,H,S).</summary>
    public static bool TryParse(string? text, out Card card)
    {
        card = default;
        if (text is null || text.Length != 2)
        {
            return false;
        }

        var rank = RankLetters.IndexOf(char.ToUpperInvariant(text[0]), StringComparison.Ordinal);
        var suit = SuitLetters.IndexOf(char.ToUpperInvariant(text[1]), StringComparison.Ordinal);
        if (rank < 0 || suit < 0)
        {
            return false;
        }

        card = new Card((Rank)(rank + 1), (Suit)suit);
        return true;
    }

    public static Card Parse(string text) =>
        TryParse(text, out var card) ? card : throw new FormatException($"'{text}' is not a card (expected e.g. \"QH\").");

    public override string ToString() =>
        IsValid ? string.Concat(RankLetters[(int)Rank - 1].ToString(), SuitLetters[(int)Suit].ToString()) : "??";
}
