namespace LiveCasino.Stores.Query;

/// <summary>How a tag follower polls the journal.</summary>
public sealed record TagFollowerOptions
{
    /// <summary>Most events read per query.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Wait between queries that found nothing new (a full batch is followed at once).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public static TagFollowerOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), "PollInterval must be positive.");
        }
    }
}
