namespace LiveCasino.Stores.Journal;

/// <summary>Limits of the group-commit queue in front of a journal (<see cref="BatchingJournal"/>).</summary>
public sealed class BatchingJournalOptions
{
    /// <summary>Upper bound of <see cref="QueueCapacity"/>; beyond it a stalled store hides too much memory.</summary>
    public const int QueueCapacityMax = 1_000_000;

    /// <summary>
    /// WriteAsync calls that may wait for the batch loop. When full, callers wait (back-pressure)
    /// instead of growing memory without bound.
    /// </summary>
    public int QueueCapacity { get; set; } = 16_384;

    /// <summary>At most this many WriteAsync calls are stored by one inner write (one transaction).</summary>
    public int MaxBatchWrites { get; set; } = 1_000;

    /// <summary>
    /// A batch closes once it holds this many events. One call larger than the limit still goes alone,
    /// so a big PersistAll is never split or refused here.
    /// </summary>
    public int MaxBatchEvents { get; set; } = 4_000;

    /// <summary>Whether disposing the batching journal disposes the inner journal too.</summary>
    public bool DisposeInner { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid limit.</summary>
    public BatchingJournalOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(QueueCapacity, QueueCapacityMax, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchWrites, 1, nameof(MaxBatchWrites));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchEvents, 1, nameof(MaxBatchEvents));
        return this;
    }
}
