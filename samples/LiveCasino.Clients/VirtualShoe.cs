namespace LiveCasino.Clients;

/// <summary>
/// A simulated card shoe: <see cref="Decks"/> shuffled decks with a cut card placed 60 to 80 cards
/// from the end, as a studio prepares it. Cards in the scanner's form ("QH", "TD").
/// </summary>
public sealed class VirtualShoe
{
    public const int Decks = 8;
    private const string Ranks = "A23456789TJQK";
    private const string Suits = "CDHS";

    private readonly List<string> _cards;
    private int _next;

    public VirtualShoe(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _cards = [.. Enumerable.Range(0, Decks).SelectMany(_ => Ranks.SelectMany(r => Suits.Select(s => string.Concat(r.ToString(), s.ToString()))))];
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_cards));
        CutAt = _cards.Count - random.Next(60, 81);
    }

    /// <summary>The position of the cut card: reaching it means one more hand after the current one.</summary>
    public int CutAt { get; }

    public int Remaining => _cards.Count - _next;

    /// <summary>True once the next card lies past the cut card.</summary>
    public bool PastCut => _next >= CutAt;

    public string Draw() => _next < _cards.Count ? _cards[_next++] : throw new InvalidOperationException("The shoe is empty.");

    /// <summary>How many cards the first burn card sends to the discard (ten and court cards: 10).</summary>
    public static int BurnCount(string card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var rank = Ranks.IndexOf(card[0], StringComparison.Ordinal) + 1;
        return rank >= 10 ? 10 : rank;
    }
}
