namespace LiveCasino.Games.Roulette;

/// <summary>One base bet of a call bet: a spot and how many unit chips go on it.</summary>
public sealed record CallBetPart(SpotId Spot, int Chips)
{
    public long StakeFor(long chipValue) => checked(Chips * chipValue);
}
