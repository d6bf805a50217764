namespace LiveCasino.Games.Baccarat;

public enum BaccaratHand
{
    Player,
    Banker,
}
