namespace LiveCasino.Payments.Orchestration;

/// <summary>
/// The payments <see cref="PaymentsService"/> tracks, by operation id, bounded by RecordsMax: at the
/// limit the oldest final records are forgotten; records still holding money are never dropped.
/// Changes go through <see cref="Update"/>, which never moves a final record back. Thread-safe.
/// </summary>
internal sealed class PaymentRecordBook(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PaymentRecord> _records = new(StringComparer.Ordinal);
    private Queue<string> _order = new();

    /// <summary>Adds <paramref name="record"/> unless its id is known; returns the record now stored (null when full of unfinished payments).</summary>
    public PaymentRecord? GetOrAdd(PaymentRecord record)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(record.OperationId, out var existing))
            {
                return existing;
            }

            if (_records.Count >= capacity && !EvictFinal())
            {
                return null;
            }

            _records.Add(record.OperationId, record);
            _order.Enqueue(record.OperationId);
            return record;
        }
    }

    public PaymentRecord? Find(string operationId)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault(operationId);
        }
    }

    /// <summary>Applies <paramref name="change"/> (null = no change) unless the record is final; returns the stored record.</summary>
    public PaymentRecord? Update(string operationId, Func<PaymentRecord, PaymentRecord?> change)
    {
        lock (_gate)
        {
            if (!_records.TryGetValue(operationId, out var current))
            {
                return null;
            }

            if (current.IsFinal || change(current) is not { } next)
            {
                return current;
            }

            _records[operationId] = next;
            return next;
        }
    }

    public IReadOnlyList<PaymentRecord> Where(Func<PaymentRecord, bool> predicate)
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _records[id]).Where(predicate)];
        }
    }

    /// <summary>Forgets the oldest final records (a tenth of capacity at least one); false when none is final.</summary>
    private bool EvictFinal()
    {
        var target = Math.Max(1, capacity / 10);
        var kept = new Queue<string>(_order.Count);
        var removed = 0;
        foreach (var id in _order)
        {
            if (removed < target && _records[id].IsFinal)
            {
                _records.Remove(id);
                removed++;
            }
            else
            {
                kept.Enqueue(id);
            }
        }

        _order = kept;
        return removed > 0;
    }
}
