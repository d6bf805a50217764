using LiveCasino.Wallets.Domain;

namespace LiveCasino.Wallets.Hosting;

/// <summary>Typed settings of the wallet entities of a node; validated by <see cref="WalletDirectory.StartAsync"/>.</summary>
public sealed record WalletOptions
{
    /// <summary>Entity type name of the region (part of every wallet's path).</summary>
    public string EntityType { get; init; } = "wallet";

    /// <summary>Fixed for the life of a deployment: ids map to shards by hash (about ten times the largest node count).</summary>
    public int NumberOfShards { get; init; } = 100;

    /// <summary>A wallet idle this long is passivated (its state stays in the journal); null keeps wallets in memory.</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one try of <see cref="WalletDirectory.AskAsync"/> waits for the answer.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries of one <see cref="WalletDirectory.AskAsync"/>, each with the same command and id.</summary>
    public int AskAttempts { get; init; } = 3;

    /// <summary>Most expired reservations released in one write.</summary>
    public int ExpiriesPerWriteMax { get; init; } = 500;

    /// <summary>A wallet saves a snapshot after this many events, so its recovery replays at most that many.</summary>
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>Bounds of each wallet's state.</summary>
    public WalletBounds Bounds { get; init; } = WalletBounds.Default;

    public static WalletOptions Default { get; } = new();

    public WalletOptions Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(EntityType);
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfShards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpiriesPerWriteMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AskAttempts, 1);
        if (IdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), "IdleTimeout must be positive or null.");
        }

        if (AskTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AskTimeout), "AskTimeout must be positive.");
        }

        ArgumentNullException.ThrowIfNull(Bounds);
        Bounds.Validate();
        return this;
    }
}
