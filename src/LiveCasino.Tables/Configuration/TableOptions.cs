namespace LiveCasino.Tables.Configuration;

/// <summary>
/// How the table actors of a node behave: wallet timing, retries, bounds on runtime buffers and
/// the region that hosts them. Validated at start-up (<see cref="Validate"/>).
/// </summary>
public sealed record TableOptions
{
    /// <summary>A reservation stays valid this long after the betting window closes (the wallet's ExpiresAt):
    /// a bit longer than any round takes to settle, so a stake is never held for good.</summary>
    public TimeSpan ReservationHoldAfterClose { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A reservation with no answer is asked again after this (the wallet answers a repeat as the first time).</summary>
    public TimeSpan ReservationRetryAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait before an unacknowledged wallet settlement, void or adjustment is sent again; doubles per attempt.</summary>
    public TimeSpan OutboxRetryMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts of one outbox entry.</summary>
    public TimeSpan OutboxRetryMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the table looks for reservations and outbox entries to send again (only while it has some).</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most wallet messages one sweep sends, so a table coming back after an outage does not flood the wallets.</summary>
    public int SendsPerSweepMax { get; init; } = 50_000;

    /// <summary>Most actors subscribed to a table's events (the edge has one per table and node).</summary>
    public int SubscribersMax { get; init; } = 64;

    /// <summary>Settled rounds kept in memory after the current one, for corrections (re-scan, re-settle).</summary>
    public int SettledRoundsKept { get; init; } = 2;

    /// <summary>Results kept for statistics (last results, roads, hot and cold numbers, wheel bias).</summary>
    public int ResultsKept { get; init; } = 500;

    /// <summary>Events per journal write: large batches are split into several writes.</summary>
    public int EventsPerWriteMax { get; init; } = 1_000;

    /// <summary>Decisions (requests, acceptances, refusals) that make one batched event.</summary>
    public int BetsPerEventMax { get; init; } = 2_000;

    /// <summary>Events between two snapshots of a table (0: never); a snapshot is taken only between records.</summary>
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>Shards of the table region: about ten times the largest node count, never changed in a live cluster.</summary>
    public int NumberOfShards { get; init; } = 100;

    public static TableOptions Default { get; } = new();

    public TableOptions Validate()
    {
        Positive(ReservationHoldAfterClose, nameof(ReservationHoldAfterClose));
        Positive(ReservationRetryAfter, nameof(ReservationRetryAfter));
        Positive(OutboxRetryMin, nameof(OutboxRetryMin));
        Positive(SweepInterval, nameof(SweepInterval));
        if (OutboxRetryMax < OutboxRetryMin)
        {
            throw new ArgumentOutOfRangeException(nameof(OutboxRetryMax), OutboxRetryMax, "OutboxRetryMax must be at least OutboxRetryMin.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SendsPerSweepMax, 1, nameof(SendsPerSweepMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscribersMax, 1, nameof(SubscribersMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(SettledRoundsKept, 1, nameof(SettledRoundsKept));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SettledRoundsKept, 100, nameof(SettledRoundsKept));
        ArgumentOutOfRangeException.ThrowIfLessThan(ResultsKept, 10, nameof(ResultsKept));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ResultsKept, 100_000, nameof(ResultsKept));
        ArgumentOutOfRangeException.ThrowIfLessThan(EventsPerWriteMax, 2, nameof(EventsPerWriteMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(BetsPerEventMax, 1, nameof(BetsPerEventMax));
        ArgumentOutOfRangeException.ThrowIfNegative(SnapshotEvery, nameof(SnapshotEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(NumberOfShards, 1, nameof(NumberOfShards));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(NumberOfShards, 10_000, nameof(NumberOfShards));
        return this;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive.");
        }
    }
}
