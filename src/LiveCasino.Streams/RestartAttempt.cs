namespace LiveCasino.Streams;

/// <summary>A sink failed and will be called again after <paramref name="Delay"/>.</summary>
/// <param name="Attempt">Failures in a row so far (1 for the first).</param>
public sealed record RestartAttempt(int Attempt, TimeSpan Delay, Exception Error);
