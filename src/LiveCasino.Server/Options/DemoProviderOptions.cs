namespace LiveCasino.Server.Options;

/// <summary>The in-process simulated provider of demo mode (<c>LiveCasino:Payments:DemoProvider</c>).</summary>
public sealed class DemoProviderOptions
{
    public int Seed { get; set; } = 1;

    /// <summary>Share of payments that complete; the rest are declined (seeded by operation id).</summary>
    public double SuccessRate { get; set; } = 1.0;

    public TimeSpan ProcessingDelayMin { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan ProcessingDelayMax { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Probability that a webhook is delivered twice (the receiver must apply it once).</summary>
    public double DuplicateProbability { get; set; } = 0.1;

    /// <summary>Probability that a webhook is held back so later ones overtake it.</summary>
    public double ReorderProbability { get; set; } = 0.1;

    public TimeSpan ReorderDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
