namespace LiveCasino.Games.Baccarat;

/// <summary>What the roads need to know about a finished round.</summary>
public sealed record BaccaratResult(BaccaratWinner Winner, int PlayerTotal, int BankerTotal, bool PlayerPair, bool BankerPair);
