namespace LiveCasino.Games.Baccarat;

public enum BaccaratWinner
{
    Player,
    Banker,
    Tie,
}
