namespace LiveCasino.Games.Cards;

/// <summary>
/// Result of a shoe operation: the new state, or the old one with the reason it was refused. The one exception is
/// <see cref="ShoeRejection.ImpossibleCard"/>: the card is not counted, but the returned shoe is flagged.
/// </summary>
public sealed record ShoeStep(ShoeRejection Rejection, Shoe Shoe)
{
    public bool IsAccepted => Rejection == ShoeRejection.None;
}
