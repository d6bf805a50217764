using LiveCasino.Games.Baccarat;
using LiveCasino.Games.Baccarat.Roads;

namespace LiveCasino.Games.Tests.Baccarat;

public sealed class RoadTests
{
    private static IReadOnlyList<BaccaratResult> Results(string sequence) =>
        [.. sequence.Select(c => new BaccaratResult(
            c switch { 'P' => BaccaratWinner.Player, 'B' => BaccaratWinner.Banker, _ => BaccaratWinner.Tie }, 0, 0, false, false))];

    [Fact]
    public void Bead_plate_fills_six_rows_then_the_next_column_ties_included()
    {
        var cells = BeadPlate.Build(Results("BPTBBBPP"));
        Assert.Equal(8, cells.Count);
        Assert.Equal((0, 2, BaccaratWinner.Tie), (cells[2].Column, cells[2].Row, cells[2].Result.Winner));
        Assert.Equal((1, 0), (cells[6].Column, cells[6].Row));
        Assert.Equal((1, 1), (cells[7].Column, cells[7].Row));
    }

    [Fact]
    public void Big_road_stacks_a_streak_starts_a_column_on_change_and_marks_ties_on_the_previous_cell()
    {
        var road = BigRoad.Build(Results("TBBTTPBB"));
        Assert.Equal(1, road.LeadingTies);
        Assert.Equal(
            [(0, 0, BaccaratWinner.Banker, 0), (0, 1, BaccaratWinner.Banker, 2), (1, 0, BaccaratWinner.Player, 0),
             (2, 0, BaccaratWinner.Banker, 0), (2, 1, BaccaratWinner.Banker, 0)],
            road.Cells.Select(c => (c.Column, c.Row, c.Winner, c.Ties)));
        Assert.Equal([0, 0, 1, 2, 2], road.Cells.Select(c => c.Streak));
    }

    [Fact]
    public void A_streak_longer_than_six_turns_right_as_a_dragon_tail_and_the_next_column_turns_above_it()
    {
        // Eight Bankers: rows 0-5 in column 0, then the tail goes right along row 5 to (1,5) and (2,5).
        var road = BigRoad.Build(Results("BBBBBBBBPPPPPP"));
        var cells = road.Cells.Select(c => (c.Column, c.Row, c.IsDragonTail)).ToArray();
        Assert.Equal((0, 5, false), cells[5]);
        Assert.Equal((1, 5, true), cells[6]);
        Assert.Equal((2, 5, true), cells[7]);

        // Six Players from (1,0): rows 0-4, then (1,5) is the Banker tail, so the sixth turns right along row 4.
        Assert.Equal([(1, 0, false), (1, 1, false), (1, 2, false), (1, 3, false), (1, 4, false), (2, 4, true)], cells[8..]);
    }
}
