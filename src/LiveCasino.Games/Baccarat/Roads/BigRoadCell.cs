namespace LiveCasino.Games.Baccarat.Roads;

/// <summary>One Player or Banker win on the big road.</summary>
/// <param name="Streak">Index of the run of same-side wins this cell belongs to (the road's logical column).</param>
/// <param name="Ties">Ties that followed this win (drawn as a line through the cell).</param>
/// <param name="IsDragonTail">Placed to the right because the column below was full or taken.</param>
public sealed record BigRoadCell(
    int Column,
    int Row,
    int Streak,
    BaccaratWinner Winner,
    int Ties,
    bool PlayerPair,
    bool BankerPair,
    bool IsDragonTail);
