using LiveCasino.Games.Baccarat.Roads;
using LiveCasino.Games.Statistics;
using LiveCasino.Tables.Events;

namespace LiveCasino.Tables.Statistics;

/// <summary>
/// The live statistics of a table: last results (newest first), winner counts, roulette hot and
/// cold numbers with the wheel-bias chi-square p-value, baccarat roads of the current shoe,
/// rounds per hour, bets and turnover of recent rounds, and viewers (counted by the edge).
/// </summary>
public sealed record TableStatisticsView(
    IReadOnlyList<RoundResult> LastResults,
    IReadOnlyDictionary<string, int> WinnerCounts,
    HotColdReport? HotCold,
    ChiSquareResult? WheelBias,
    IReadOnlyList<BeadPlateCell>? BeadPlate,
    BigRoad? BigRoad,
    double RoundsPerHour,
    IReadOnlyList<RoundTurnover> RecentRounds,
    int Viewers);
