using LiveCasino.Actors.Sharding;
using LiveCasino.Wallets.Domain;

namespace LiveCasino.Wallets.Hosting;

/// <summary>Typed settings of the wallet entities of a node; validated by <see cref="WalletDirectory.Start"/>.</summary>
public sealed record WalletOptions
{
    /// <summary>Entity type name of the region (part of every wallet's path).</summary>
    public string EntityType { get; init; } = "wallet";

    /// <summary>Fixed for the life of a deployment: ids map to shards by hash.</summary>
    public int NumberOfShards { get; init; } = EntityRegionOptions.DefaultNumberOfShards;

    /// <summary>A wallet idle this long is passivated (its state stays in the journal); null keeps wallets in memory.</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Most wallets live in memory at once; a message for one more is refused (dead letter).</summary>
    public int EntitiesMax { get; init; } = 1_000_000;

    /// <summary>Most commands queued for one wallet; past it Tell returns false (a full mailbox or buffer is a dead letter).</summary>
    public int MailboxCapacity { get; init; } = 10_000;

    /// <summary>Timeout of <see cref="WalletDirectory.AskAsync"/>.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most expired reservations released in one write.</summary>
    public int ExpiriesPerWriteMax { get; init; } = 500;

    /// <summary>Bounds of each wallet's state.</summary>
    public WalletBounds Bounds { get; init; } = WalletBounds.Default;

    public static WalletOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(EntityType);
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfShards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EntitiesMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MailboxCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpiriesPerWriteMax, 1);
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
    }
}
