namespace LiveCasino.Games.Baccarat.Roads;

/// <summary>
/// The big road: a run of Banker (or Player) wins goes down one column; a change of winner starts the next
/// column at the top. Ties are not cells: they mark the previous cell. A run longer than the rows (or blocked
/// by an earlier tail) turns right along its last free row: the "dragon tail".
/// </summary>
/// <param name="LeadingTies">Ties before the first Player or Banker win (no cell to mark yet).</param>
public sealed record BigRoad(IReadOnlyList<BigRoadCell> Cells, int LeadingTies, int Rows)
{
    public const int DefaultRows = 6;

    public static BigRoad Build(IReadOnlyList<BaccaratResult> results, int rows = DefaultRows)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "At least one row.");
        }

        var cells = new List<BigRoadCell>();
        var taken = new HashSet<(int Column, int Row)>();
        var leadingTies = 0;
        var streak = -1;
        var streakStartColumn = -1;
        var turned = false;

        foreach (var result in results)
        {
            if (result.Winner == BaccaratWinner.Tie)
            {
                if (cells.Count == 0)
                {
                    leadingTies++;
                }
                else
                {
                    cells[^1] = cells[^1] with { Ties = cells[^1].Ties + 1 };
                }

                continue;
            }

            int column, row;
            if (cells.Count == 0 || cells[^1].Winner != result.Winner)
            {
                streak++;
                turned = false;
                column = streakStartColumn + 1;

                // An earlier tail can reach the top row only in pathological roads; skip past it.
                while (taken.Contains((column, 0)))
                {
                    column++;
                }

                streakStartColumn = column;
                row = 0;
            }
            else
            {
                var last = cells[^1];
                if (!turned && last.Row + 1 < rows && !taken.Contains((last.Column, last.Row + 1)))
                {
                    (column, row) = (last.Column, last.Row + 1);
                }
                else
                {
                    turned = true;
                    (column, row) = (last.Column + 1, last.Row);
                    while (taken.Contains((column, row)))
                    {
                        column++;
                    }
                }
            }

            taken.Add((column, row));
            cells.Add(new BigRoadCell(column, row, streak, result.Winner, 0, result.PlayerPair, result.BankerPair, turned));
        }

        return new BigRoad(cells, leadingTies, rows);
    }
}
