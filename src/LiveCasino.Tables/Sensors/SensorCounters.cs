namespace LiveCasino.Tables.Sensors;

/// <summary>What a console's sensor stream has seen, read by the host and the tests; updated by the stages.</summary>
public sealed class SensorCounters
{
    private long _malformed;
    private long _retransmits;
    private long _repeats;
    private long _gaps;
    private long _missing;
    private long _late;
    private long _accepted;
    private long _refused;
    private long _retries;

    /// <summary>Raw lines that failed to parse or validate.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Retransmits of a sequence number already seen.</summary>
    public long Retransmits => Interlocked.Read(ref _retransmits);

    /// <summary>The same content read again within the repeat window.</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    /// <summary>Gaps declared (missing readings given up on).</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Readings the gaps skipped.</summary>
    public long Missing => Interlocked.Read(ref _missing);

    /// <summary>Readings that arrived behind the order already delivered.</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Readings the table took.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Readings the table refused (dealer mistakes): reported, not retried.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Deliveries sent again after the table did not answer.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    internal void AddMalformed() => Interlocked.Increment(ref _malformed);

    internal void AddRetransmit() => Interlocked.Increment(ref _retransmits);

    internal void AddRepeat() => Interlocked.Increment(ref _repeats);

    internal void AddGap(SequenceGap gap)
    {
        Interlocked.Increment(ref _gaps);
        Interlocked.Add(ref _missing, gap.Count);
    }

    internal void AddLate() => Interlocked.Increment(ref _late);

    internal void AddAccepted() => Interlocked.Increment(ref _accepted);

    internal void AddRefused() => Interlocked.Increment(ref _refused);

    internal void AddRetry() => Interlocked.Increment(ref _retries);
}
