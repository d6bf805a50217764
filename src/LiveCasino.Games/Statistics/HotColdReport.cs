namespace LiveCasino.Games.Statistics;

/// <summary>The most and least frequent numbers over the last <see cref="Spins"/> spins.</summary>
/// <param name="Hot">Most hits first; ties broken by lower number.</param>
/// <param name="Cold">Fewest hits first; ties broken by lower number.</param>
public sealed record HotColdReport(int Spins, IReadOnlyList<NumberCount> Hot, IReadOnlyList<NumberCount> Cold);
