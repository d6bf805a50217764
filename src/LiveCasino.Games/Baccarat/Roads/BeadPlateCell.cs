namespace LiveCasino.Games.Baccarat.Roads;

public sealed record BeadPlateCell(int Column, int Row, BaccaratResult Result);
