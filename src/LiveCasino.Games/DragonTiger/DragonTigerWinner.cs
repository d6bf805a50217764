namespace LiveCasino.Games.DragonTiger;

public enum DragonTigerWinner
{
    Dragon,
    Tiger,
    Tie,
}
