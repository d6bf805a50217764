namespace LiveCasino.Games.DragonTiger;

/// <summary>The deal of one round: the first scanned card is the Dragon's, the second the Tiger's, then nothing.</summary>
public sealed record DragonTigerDeal(Card? Dragon, Card? Tiger)
{
    public static DragonTigerDeal Empty { get; } = new(null, null);

    public bool IsComplete => Tiger is not null;

    public DragonTigerOutcome Outcome => Dragon is { } d && Tiger is { } t
        ? new DragonTigerOutcome(d, t)
        : throw new InvalidOperationException("The deal is not complete.");

    /// <summary>Null when the card is refused (round already complete, or not a card).</summary>
    public DragonTigerDeal? Accept(Card card)
    {
        if (IsComplete || !card.IsValid)
        {
            return null;
        }

        return Dragon is null ? this with { Dragon = card } : this with { Tiger = card };
    }
}
