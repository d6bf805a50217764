using LiveCasino.Games.Baccarat;
using LiveCasino.Games.Baccarat.Roads;
using LiveCasino.Games.Statistics;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Events;

namespace LiveCasino.Tables.Statistics;

/// <summary>
/// Statistics state, fed by applied events (so it is rebuilt on recovery) and bounded: the last
/// <c>resultsKept</c> results, the last 50 rounds' turnover, round end times of the last hour.
/// Views are computed on demand from these lists.
/// </summary>
internal sealed class TableStatistics(int resultsKept)
{
    public const int TurnoverKept = 50;
    public const int LastResultsShown = 100;
    public const int HotColdTake = 5;

    private readonly LinkedList<(long RoundNo, int ShoeNo, RoundResult Result)> _results = new();
    private readonly Queue<RoundTurnover> _turnover = new();
    private readonly Queue<DateTimeOffset> _roundEnds = new();

    public int Viewers { get; set; }

    public void OnResult(long roundNo, int shoeNo, RoundResult result)
    {
        for (var node = _results.Last; node is not null; node = node.Previous)
        {
            if (node.Value.RoundNo == roundNo)
            {
                node.Value = (roundNo, node.Value.ShoeNo, result); // a correction replaces the result in place
                return;
            }
        }

        _results.AddLast((roundNo, shoeNo, result));
        while (_results.Count > resultsKept)
        {
            _results.RemoveFirst();
        }
    }

    public void OnRoundEnded(RoundTurnover turnover)
    {
        _turnover.Enqueue(turnover);
        while (_turnover.Count > TurnoverKept)
        {
            _turnover.Dequeue();
        }

        _roundEnds.Enqueue(turnover.EndedAt);
        while (_roundEnds.Count > 0 && turnover.EndedAt - _roundEnds.Peek() > TimeSpan.FromHours(1))
        {
            _roundEnds.Dequeue();
        }
    }

    public (IReadOnlyList<(long RoundNo, int ShoeNo, RoundResult Result)> Results, IReadOnlyList<RoundTurnover> Turnover, IReadOnlyList<DateTimeOffset> RoundEnds) Export() =>
        ([.. _results], [.. _turnover], [.. _roundEnds]);

    public void Restore(IEnumerable<(long RoundNo, int ShoeNo, RoundResult Result)> results, IEnumerable<RoundTurnover> turnover, IEnumerable<DateTimeOffset> roundEnds)
    {
        foreach (var r in results)
        {
            _results.AddLast(r);
        }

        foreach (var t in turnover)
        {
            _turnover.Enqueue(t);
        }

        foreach (var e in roundEnds)
        {
            _roundEnds.Enqueue(e);
        }
    }

    public RoundResult? ResultOf(long roundNo) => _results.Where(r => r.RoundNo == roundNo).Select(r => r.Result).FirstOrDefault();

    public TableStatisticsView View(GameKind? game, int currentShoe, DateTimeOffset now)
    {
        var results = _results.Select(r => r.Result).ToList();
        var counts = results.GroupBy(r => r.Winner, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        HotColdReport? hotCold = null;
        ChiSquareResult? bias = null;
        IReadOnlyList<BeadPlateCell>? bead = null;
        BigRoad? bigRoad = null;
        if (game == GameKind.Roulette)
        {
            var spins = results.Where(r => r.Number is not null).Select(r => r.Number!.Value).ToList();
            if (spins.Count > 0)
            {
                hotCold = WheelStatistics.HotAndCold(spins, spins.Count, HotColdTake);
                bias = WheelStatistics.ChiSquare(spins);
            }
        }
        else if (game == GameKind.Baccarat)
        {
            var shoe = _results.Where(r => r.ShoeNo == currentShoe).Select(r => ToBaccarat(r.Result)).ToList();
            bead = BeadPlate.Build(shoe);
            bigRoad = BigRoad.Build(shoe);
        }

        var lastHour = _roundEnds.Count(t => now - t <= TimeSpan.FromHours(1));
        return new TableStatisticsView(
            [.. results.AsEnumerable().Reverse().Take(LastResultsShown)],
            counts,
            hotCold,
            bias,
            bead,
            bigRoad,
            lastHour,
            [.. _turnover.Reverse()],
            Viewers);
    }

    private static BaccaratResult ToBaccarat(RoundResult r)
    {
        var winner = r.Winner switch
        {
            "player" => BaccaratWinner.Player,
            "banker" => BaccaratWinner.Banker,
            _ => BaccaratWinner.Tie,
        };
        return new BaccaratResult(winner, r.PlayerTotal ?? 0, r.BankerTotal ?? 0, r.PlayerPair, r.BankerPair);
    }
}
