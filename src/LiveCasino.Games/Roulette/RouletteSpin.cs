namespace LiveCasino.Games.Roulette;

/// <summary>A spin as reported by the wheel sensor and the dealer.</summary>
public sealed record RouletteSpin(int Number, int BallRevolutions, bool FaultReported = false);
