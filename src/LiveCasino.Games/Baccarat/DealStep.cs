namespace LiveCasino.Games.Baccarat;

/// <summary>Result of feeding one card: the new deal and the hand the card went to, or the unchanged deal and why not.</summary>
public sealed record DealStep(DealRejection Rejection, BaccaratDeal Deal, BaccaratHand? Hand)
{
    public bool IsAccepted => Rejection == DealRejection.None;
}
