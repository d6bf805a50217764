namespace LiveCasino.Clients;

/// <summary>What a simulated studio console drives, and how (seeded randomness, realistic timing).</summary>
public sealed record StudioDealerOptions(Uri BaseAddress, string ConsoleId, string ApiKey, string TableId)
{
    public int Seed { get; init; } = 7;

    /// <summary>Share of sensor readings sent twice (a retransmit or the same card read again): the stream drops them.</summary>
    public double DuplicateReadRate { get; init; } = 0.05;

    /// <summary>Share of rounds with a dealer mistake: a bad spin, a misread card, now and then a void.</summary>
    public double MistakeRate { get; init; } = 0.05;

    /// <summary>Multiplies the dealer's delays (0.5: twice as fast). Readings of the same card stay 1.6 s apart.</summary>
    public double Pace { get; init; } = 1.0;
}
