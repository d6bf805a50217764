namespace LiveCasino.Stores.Journal;

/// <summary>What happened to one <see cref="AtomicWrite"/> of a batch.</summary>
public enum WriteStatus
{
    /// <summary>Stored durably.</summary>
    Written,

    /// <summary>Refused before storage (cannot serialize, too large). Nothing stored; the writer may continue.</summary>
    Rejected,

    /// <summary>Storage failed or another writer owns the sequence numbers. Nothing stored; the writer must stop.</summary>
    Failed,
}

public readonly record struct WriteResult(WriteStatus Status, Exception? Error)
{
    public static WriteResult Written { get; } = new(WriteStatus.Written, null);

    public static WriteResult Rejected(Exception error) => new(WriteStatus.Rejected, error);

    public static WriteResult Failed(Exception error) => new(WriteStatus.Failed, error);
}
