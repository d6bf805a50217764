namespace LiveCasino.Wallets.Domain;

/// <summary>
/// The limits of one wallet's state: every collection it keeps is bounded. Typed and validated at
/// start-up (<see cref="Validate"/>). Defaults suit a player with thousands of bets a day.
/// </summary>
public sealed record WalletBounds
{
    /// <summary>
    /// How long an operation id is remembered after its operation is final (for a transfer: after it
    /// was posted, voided or expired; open transfers are always remembered). A retry within the window
    /// gets the first answer; after it the id may be taken as new. Payment providers retry for up to
    /// 24 hours, so the default is 48.
    /// </summary>
    public TimeSpan IdempotencyWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Most remembered ids besides those of open transfers. Past it the oldest final ones are
    /// forgotten first, even inside the window (the wallet's memory stays bounded).
    /// </summary>
    public int OperationRecordsMax { get; init; } = 10_000;

    /// <summary>Most open two-phase transfers (deposits, withdrawals, bets); a new one beyond it is refused with LimitExceeded.</summary>
    public int PendingTransfersMax { get; init; } = 1_000;

    /// <summary>Most tombstones (voids of ids never seen); the oldest goes first. They also go after <see cref="IdempotencyWindow"/>.</summary>
    public int TombstonesMax { get; init; } = 10_000;

    /// <summary>Largest amount of one operation, in minor units (keeps every total far from overflow).</summary>
    public long AmountMaxMinor { get; init; } = 1_000_000_000_000;

    /// <summary>
    /// Longest a bet reservation may be held. Must be shorter than <see cref="IdempotencyWindow"/>:
    /// a reservation arriving after its tombstone was forgotten has then already expired, so it is refused anyway.
    /// </summary>
    public TimeSpan ReservationTtlMax { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longest operation id, reference, reason, channel or actor name, in characters.</summary>
    public int TextMax { get; init; } = 200;

    public static WalletBounds Default { get; } = new();

    public void Validate()
    {
        if (IdempotencyWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdempotencyWindow), "IdempotencyWindow must be positive.");
        }

        if (ReservationTtlMax <= TimeSpan.Zero || ReservationTtlMax >= IdempotencyWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(ReservationTtlMax), "ReservationTtlMax must be positive and shorter than IdempotencyWindow.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(OperationRecordsMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(PendingTransfersMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(TombstonesMax, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AmountMaxMinor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AmountMaxMinor, long.MaxValue / 1_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(TextMax, 8);
    }
}
