using System.Collections.Immutable;

namespace LiveCasino.Games.Baccarat;

/// <summary>
/// The dealing state machine of one Punto Banco round, fed scanned cards one at a time. It says which hand the
/// next card goes to (<see cref="NextHand"/>), when the round is complete, and refuses a card the rules forbid.
/// Immutable: a refused card leaves the deal as it was.
/// </summary>
public sealed record BaccaratDeal
{
    private BaccaratDeal(ImmutableArray<Card> player, ImmutableArray<Card> banker)
    {
        Player = player;
        Banker = banker;
        NextHand = ComputeNextHand(player, banker);
    }

    public static BaccaratDeal Empty { get; } = new([], []);

    public ImmutableArray<Card> Player { get; }

    public ImmutableArray<Card> Banker { get; }

    /// <summary>Where the next card goes: P, B, P, B, then third cards by the tableau; null when complete.</summary>
    public BaccaratHand? NextHand { get; }

    public bool IsComplete => NextHand is null;

    public BaccaratOutcome Outcome => IsComplete
        ? new BaccaratOutcome(Player, Banker)
        : throw new InvalidOperationException("The deal is not complete.");

    /// <summary>Feeds a card to the hand the rules name.</summary>
    /// <param name="placedOn">Where the dealer put it, when the table can tell (layout sensor); checked against the rules.</param>
    public DealStep Accept(Card card, BaccaratHand? placedOn = null)
    {
        if (!card.IsValid)
        {
            return new DealStep(DealRejection.InvalidCard, this, null);
        }

        if (NextHand is not { } next)
        {
            return new DealStep(RejectionFor(placedOn), this, null);
        }

        if (placedOn is { } placed && placed != next)
        {
            return new DealStep(RejectionFor(placed), this, null);
        }

        var deal = next == BaccaratHand.Player ? new BaccaratDeal(Player.Add(card), Banker) : new BaccaratDeal(Player, Banker.Add(card));
        return new DealStep(DealRejection.None, deal, next);
    }

    private DealRejection RejectionFor(BaccaratHand? placedOn)
    {
        var cards = placedOn == BaccaratHand.Player ? Player : Banker;
        if (placedOn is { } hand && cards.Length == 2 && Player.Length >= 2 && Banker.Length >= 2 && !MayDrawThird(hand))
        {
            return hand == BaccaratHand.Player ? DealRejection.PlayerMustStand : DealRejection.BankerMustStand;
        }

        return IsComplete ? DealRejection.RoundComplete : DealRejection.OutOfOrder;
    }

    // Whether this hand's third card is allowed at all, given the cards so far.
    private bool MayDrawThird(BaccaratHand hand)
    {
        var pt = BaccaratDrawingRules.Total(Player.Take(2));
        var bt = BaccaratDrawingRules.Total(Banker.Take(2));
        if (BaccaratDrawingRules.IsNatural(pt) || BaccaratDrawingRules.IsNatural(bt))
        {
            return false;
        }

        if (hand == BaccaratHand.Player)
        {
            return BaccaratDrawingRules.PlayerDraws(pt);
        }

        // The Banker's decision waits for the Player's third card when the Player draws.
        return !BaccaratDrawingRules.PlayerDraws(pt)
            ? BaccaratDrawingRules.BankerDraws(bt, null)
            : Player.Length < 3 || BaccaratDrawingRules.BankerDraws(bt, Player[2].BaccaratValue);
    }

    private static BaccaratHand? ComputeNextHand(ImmutableArray<Card> player, ImmutableArray<Card> banker)
    {
        switch (player.Length, banker.Length)
        {
            case (0, 0):
            case (1, 1):
                return BaccaratHand.Player;
            case (1, 0):
            case (2, 1):
                return BaccaratHand.Banker;
            case (2, 2):
            {
                var pt = BaccaratDrawingRules.Total(player);
                var bt = BaccaratDrawingRules.Total(banker);
                if (BaccaratDrawingRules.IsNatural(pt) || BaccaratDrawingRules.IsNatural(bt))
                {
                    return null;
                }

                if (BaccaratDrawingRules.PlayerDraws(pt))
                {
                    return BaccaratHand.Player;
                }

                return BaccaratDrawingRules.BankerDraws(bt, null) ? BaccaratHand.Banker : null;
            }

            case (3, 2):
                return BaccaratDrawingRules.BankerDraws(BaccaratDrawingRules.Total(banker), player[2].BaccaratValue)
                    ? BaccaratHand.Banker
                    : null;
            default:
                // (2, 3) and (3, 3): the Banker's third card always ends the round.
                return null;
        }
    }
}
