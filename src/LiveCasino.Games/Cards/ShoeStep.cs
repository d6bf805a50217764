namespace LiveCasino.Games.Cards;

/// <summary>Result of a shoe operation: the new state, or the old one with the reason it was refused.</summary>
public sealed record ShoeStep(ShoeRejection Rejection, Shoe Shoe)
{
    public bool IsAccepted => Rejection == ShoeRejection.None;
}
