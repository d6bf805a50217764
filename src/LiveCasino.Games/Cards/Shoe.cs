using System.Collections.Immutable;
using System.Diagnostics;

namespace LiveCasino.Games.Cards;

/// <summary>
/// Tracks one shoe of <see cref="Decks"/> x 52 cards from the burn to the shoe change. Immutable: every
/// operation returns a <see cref="ShoeStep"/> with the next state, so an actor can keep or discard it.
/// </summary>
/// <remarks>
/// Every card scanned out of the shoe is counted here, whether or not the deal accepts it: a card the dealer
/// should not have drawn is still out of the shoe.
/// </remarks>
public sealed record Shoe
{
    public const int DefaultDecks = 8;

    /// <summary>Hands dealt after the one in progress when the cut card comes out.</summary>
    public const int HandsAfterCutCard = 1;

    private Shoe(int decks, ImmutableArray<int> remainingByCard)
    {
        Decks = decks;
        RemainingByCard = remainingByCard;
        RemainingCards = decks * 52;
    }

    public int Decks { get; }

    /// <summary>Copies left of each card, by <see cref="Card.Index"/>.</summary>
    public ImmutableArray<int> RemainingByCard { get; private init; }

    public int RemainingCards { get; private init; }

    public ShoePhase Phase { get; private init; } = ShoePhase.AwaitingFirstBurnCard;

    /// <summary>Face-down burn cards still to draw (phase <see cref="ShoePhase.Burning"/>).</summary>
    public int BurnsRemaining { get; private init; }

    public bool RoundInProgress { get; private init; }

    public bool CutCardReached { get; private init; }

    /// <summary>Rounds that may still start; null until the cut card is reached (then no fixed limit before it).</summary>
    public int? RoundsLeft { get; private init; }

    /// <summary>Set for good once a card beyond its count was scanned: the shoe is suspect and must be changed.</summary>
    public bool IsFlagged { get; private init; }

    public int RoundsDealt { get; private init; }

    public static Shoe New(int decks = DefaultDecks)
    {
        if (decks is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(decks), decks, "A shoe holds 1 to 16 decks.");
        }

        return new Shoe(decks, Enumerable.Repeat(decks, 52).ToImmutableArray());
    }

    public int RemainingOf(Card card) => RemainingByCard[card.Index];

    /// <summary>Draws a burn card: the first is exposed and sets how many more are burned face down.</summary>
    public ShoeStep Burn(Card card)
    {
        if (Phase is not (ShoePhase.AwaitingFirstBurnCard or ShoePhase.Burning))
        {
            return Reject(ShoeRejection.BurnNotExpected);
        }

        var taken = Take(card);
        if (!taken.IsAccepted)
        {
            return taken;
        }

        var shoe = taken.Shoe;
        shoe = Phase == ShoePhase.AwaitingFirstBurnCard
            ? shoe with { Phase = ShoePhase.Burning, BurnsRemaining = card.BurnCount }
            : shoe with { BurnsRemaining = BurnsRemaining - 1 };
        if (shoe.BurnsRemaining == 0)
        {
            shoe = shoe with { Phase = ShoePhase.Dealing };
        }

        return Accept(shoe);
    }

    public ShoeStep StartRound()
    {
        if (Phase is ShoePhase.AwaitingFirstBurnCard or ShoePhase.Burning)
        {
            return Reject(ShoeRejection.BurnIncomplete);
        }

        if (Phase == ShoePhase.Finished || IsFlagged || RoundsLeft == 0)
        {
            return Reject(ShoeRejection.ShoeFinished);
        }

        if (RoundInProgress)
        {
            return Reject(ShoeRejection.RoundInProgress);
        }

        return Accept(this with { RoundInProgress = true, RoundsLeft = RoundsLeft - 1 });
    }

    /// <summary>Draws a card for the round in progress.</summary>
    public ShoeStep Draw(Card card)
    {
        if (Phase is ShoePhase.AwaitingFirstBurnCard or ShoePhase.Burning)
        {
            return Reject(ShoeRejection.BurnIncomplete);
        }

        return RoundInProgress ? Take(card) : Reject(ShoeRejection.NoRoundInProgress);
    }

    public ShoeStep EndRound()
    {
        if (!RoundInProgress)
        {
            return Reject(ShoeRejection.NoRoundInProgress);
        }

        var finished = IsFlagged || RoundsLeft == 0;
        return Accept(this with
        {
            RoundInProgress = false,
            RoundsDealt = RoundsDealt + 1,
            Phase = finished ? ShoePhase.Finished : Phase,
        });
    }

    /// <summary>The cut card came out: finish the hand in progress, deal one more, then change the shoe.</summary>
    /// <remarks>Between rounds (no hand in progress) only one more hand is dealt.</remarks>
    public ShoeStep ReachCutCard()
    {
        if (CutCardReached)
        {
            return Reject(ShoeRejection.CutCardAlreadyReached);
        }

        if (Phase != ShoePhase.Dealing)
        {
            return Reject(Phase == ShoePhase.Finished ? ShoeRejection.ShoeFinished : ShoeRejection.BurnIncomplete);
        }

        return Accept(this with { CutCardReached = true, RoundsLeft = HandsAfterCutCard });
    }

    private ShoeStep Take(Card card)
    {
        if (!card.IsValid)
        {
            return Reject(ShoeRejection.InvalidCard);
        }

        var left = RemainingByCard[card.Index];
        if (left == 0)
        {
            // A ninth copy in 8 decks can't come from this shoe: refuse it and flag the shoe for good.
            return new ShoeStep(ShoeRejection.ImpossibleCard, this with { IsFlagged = true });
        }

        var next = this with
        {
            RemainingByCard = RemainingByCard.SetItem(card.Index, left - 1),
            RemainingCards = RemainingCards - 1,
        };
        Debug.Assert(next.RemainingCards == next.RemainingByCard.Sum(), "Shoe total must match its composition.");
        return Accept(next);
    }

    private static ShoeStep Accept(Shoe shoe) => new(ShoeRejection.None, shoe);

    private ShoeStep Reject(ShoeRejection reason) => new(reason, this);
}
