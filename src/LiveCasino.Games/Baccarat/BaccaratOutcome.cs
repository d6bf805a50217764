using System.Collections.Immutable;

namespace LiveCasino.Games.Baccarat;

/// <summary>A completed, rule-abiding Punto Banco deal. Only a complete <see cref="BaccaratDeal"/> makes one.</summary>
public sealed record BaccaratOutcome
{
    internal BaccaratOutcome(ImmutableArray<Card> player, ImmutableArray<Card> banker)
    {
        Player = player;
        Banker = banker;
        PlayerTotal = BaccaratDrawingRules.Total(player);
        BankerTotal = BaccaratDrawingRules.Total(banker);
        Winner = PlayerTotal > BankerTotal ? BaccaratWinner.Player
            : BankerTotal > PlayerTotal ? BaccaratWinner.Banker
            : BaccaratWinner.Tie;
    }

    public ImmutableArray<Card> Player { get; }

    public ImmutableArray<Card> Banker { get; }

    public int PlayerTotal { get; }

    public int BankerTotal { get; }

    public BaccaratWinner Winner { get; }

    /// <summary>The Player's first two cards share a rank (a 10 and a King are not a pair).</summary>
    public bool PlayerPair => Player[0].Rank == Player[1].Rank;

    public bool BankerPair => Banker[0].Rank == Banker[1].Rank;

    public bool IsNatural => Player.Length == 2 && Banker.Length == 2 &&
        (BaccaratDrawingRules.IsNatural(PlayerTotal) || BaccaratDrawingRules.IsNatural(BankerTotal));

    public BaccaratResult Result => new(Winner, PlayerTotal, BankerTotal, PlayerPair, BankerPair);

    /// <summary>Rebuilds an outcome from recorded hands by replaying the deal; null if the hands break the rules.</summary>
    public static BaccaratOutcome? FromHands(IReadOnlyList<Card> player, IReadOnlyList<Card> banker)
    {
        ArgumentNullException.ThrowIfNull(player);
        ArgumentNullException.ThrowIfNull(banker);
        if (player.Count is < 2 or > 3 || banker.Count is < 2 or > 3)
        {
            return null;
        }

        // Deal order: P1 B1 P2 B2, then the Player's third, then the Banker's third.
        var order = new List<(Card Card, BaccaratHand Hand)>
        {
            (player[0], BaccaratHand.Player), (banker[0], BaccaratHand.Banker),
            (player[1], BaccaratHand.Player), (banker[1], BaccaratHand.Banker),
        };
        if (player.Count == 3)
        {
            order.Add((player[2], BaccaratHand.Player));
        }

        if (banker.Count == 3)
        {
            order.Add((banker[2], BaccaratHand.Banker));
        }

        var deal = BaccaratDeal.Empty;
        foreach (var (card, hand) in order)
        {
            var step = deal.Accept(card, hand);
            if (!step.IsAccepted)
            {
                return null;
            }

            deal = step.Deal;
        }

        return deal.IsComplete ? deal.Outcome : null;
    }
}
