namespace LiveCasino.Wallets.Domain;

/// <summary>
/// Operation id -> <see cref="OperationRecord"/>, bounded. Records of open transfers are pinned
/// (never forgotten: their id is needed to post or void them). The others are forgotten oldest
/// first, once they have been final for longer than the window, or when the table holds more than
/// its maximum. Eviction runs as each event is applied, with the event's own time, so replay
/// forgets exactly what the live run forgot.
/// </summary>
public sealed class IdempotencyTable
{
    private readonly Dictionary<string, OperationRecord> _byId = new(StringComparer.Ordinal);
    private readonly Queue<OperationRecord> _evictable = new();
    private long _nextEvictOrder = 1;

    public int Count => _byId.Count;

    /// <summary>Records of open transfers (not forgettable).</summary>
    public int PinnedCount => _byId.Count - _evictable.Count;

    public long NextEvictOrder => _nextEvictOrder;

    public IEnumerable<OperationRecord> Records => _byId.Values;

    public bool TryGet(string id, out OperationRecord record) => _byId.TryGetValue(id, out record!);

    public void Add(OperationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _byId.Add(record.Id, record);
        if (record.Status != TransferStatus.Pending)
        {
            MarkEvictable(record, record.At);
        }
    }

    /// <summary>Moves an open transfer's record to its final status; from then on it may be forgotten.</summary>
    public void Resolve(OperationRecord record, TransferStatus status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status != TransferStatus.Pending || status is TransferStatus.Pending or TransferStatus.None)
        {
            throw new Ledger.LedgerInvariantException($"Operation {record.Id} cannot go from {record.Status} to {status}: a transfer resolves at most once.");
        }

        record.Status = status;
        MarkEvictable(record, at);
    }

    /// <summary>Forgets final records older than <paramref name="window"/> at <paramref name="now"/>, and the oldest beyond <paramref name="max"/>.</summary>
    public int Evict(DateTimeOffset now, TimeSpan window, int max)
    {
        var evicted = 0;
        var horizon = now - window;
        while (_evictable.TryPeek(out var oldest) && (oldest.EvictableSince <= horizon || _byId.Count > max))
        {
            _evictable.Dequeue();
            _byId.Remove(oldest.Id);
            evicted++;
        }

        return evicted;
    }

    /// <summary>Restores records (from a snapshot): pinned ones, and forgettable ones in their original order.</summary>
    public void Restore(IEnumerable<OperationRecord> records, long nextEvictOrder)
    {
        ArgumentNullException.ThrowIfNull(records);
        _byId.Clear();
        _evictable.Clear();
        foreach (var r in records.OrderBy(r => r.EvictOrder))
        {
            _byId.Add(r.Id, r);
            if (r.EvictOrder > 0)
            {
                _evictable.Enqueue(r);
            }
        }

        _nextEvictOrder = nextEvictOrder;
    }

    private void MarkEvictable(OperationRecord record, DateTimeOffset at)
    {
        record.EvictOrder = _nextEvictOrder++;
        record.EvictableSince = at;
        _evictable.Enqueue(record);
    }
}
