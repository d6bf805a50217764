namespace LiveCasino.Games.DragonTiger;

/// <summary>One card each; Ace low, King high; suits rank nothing.</summary>
public sealed record DragonTigerOutcome
{
    public DragonTigerOutcome(Card dragon, Card tiger)
    {
        if (!dragon.IsValid || !tiger.IsValid)
        {
            throw new ArgumentException("Both cards must be real cards.");
        }

        Dragon = dragon;
        Tiger = tiger;
    }

    public Card Dragon { get; }

    public Card Tiger { get; }

    public DragonTigerWinner Winner => Dragon.Rank > Tiger.Rank ? DragonTigerWinner.Dragon
        : Tiger.Rank > Dragon.Rank ? DragonTigerWinner.Tiger
        : DragonTigerWinner.Tie;

    public bool IsSuitedTie => Dragon == Tiger;
}
