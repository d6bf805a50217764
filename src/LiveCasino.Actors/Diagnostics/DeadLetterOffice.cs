namespace LiveCasino.Actors.Diagnostics;

/// <summary>
/// Counts every undelivered message and keeps the most recent ones for inspection. Delivery is
/// at most once in memory, so a drop is never silent: it is counted here, by reason, and metered.
/// </summary>
public sealed class DeadLetterOffice
{
    private readonly TimeProvider _time;
    private readonly DeadLetter?[] _recent;
    private readonly long[] _byReason = new long[Enum.GetValues<DeadLetterReason>().Length];
    private readonly Lock _gate = new();
    private long _count;
    private int _next;

    internal DeadLetterOffice(TimeProvider time, int history)
    {
        _time = time;
        _recent = new DeadLetter?[history];
    }

    /// <summary>Raised for each dead letter, on the thread that dropped it; keep handlers short.</summary>
    public event Action<DeadLetter>? Published;

    public long Count => Interlocked.Read(ref _count);

    public long CountOf(DeadLetterReason reason) => Interlocked.Read(ref _byReason[(int)reason]);

    /// <summary>The most recent dead letters, oldest first.</summary>
    public IReadOnlyList<DeadLetter> Recent()
    {
        lock (_gate)
        {
            var list = new List<DeadLetter>(_recent.Length);
            for (var i = 0; i < _recent.Length; i++)
            {
                if (_recent[(_next + i) % _recent.Length] is { } d)
                {
                    list.Add(d);
                }
            }

            return list;
        }
    }

    internal void Publish(string recipient, object message, DeadLetterReason reason)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Increment(ref _byReason[(int)reason]);
        KernelMetrics.DeadLetters.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        var letter = new DeadLetter(recipient, message, reason, _time.GetUtcNow());
        if (_recent.Length > 0)
        {
            lock (_gate)
            {
                _recent[_next] = letter;
                _next = (_next + 1) % _recent.Length;
            }
        }

        Published?.Invoke(letter);
    }
}
