namespace LiveCasino.Games.Statistics;

/// <summary>How often a number came up in the window, and its z-score against a fair wheel.</summary>
public sealed record NumberCount(int Number, int Hits, double ZScore);
