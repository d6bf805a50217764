namespace LiveCasino.Games.Baccarat.Roads;

/// <summary>Every round in order, ties included, filling each column top to bottom, then the next column.</summary>
public static class BeadPlate
{
    public const int DefaultRows = 6;

    public static IReadOnlyList<BeadPlateCell> Build(IReadOnlyList<BaccaratResult> results, int rows = DefaultRows)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "At least one row.");
        }

        return [.. results.Select((r, i) => new BeadPlateCell(i / rows, i % rows, r))];
    }
}
