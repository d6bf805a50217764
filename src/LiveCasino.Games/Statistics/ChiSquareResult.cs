namespace LiveCasino.Games.Statistics;

/// <summary>Goodness of fit of a spin history against the uniform wheel. A small p-value suggests bias.</summary>
public sealed record ChiSquareResult(int Spins, double Statistic, int DegreesOfFreedom, double PValue);
