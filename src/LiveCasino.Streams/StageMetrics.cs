namespace LiveCasino.Streams;

/// <summary>
/// Live counters of one stage. Every stage counts what it received and emitted; the others
/// count only what that stage does (a buffer drops, a validator rejects, a de-duplicator sees
/// duplicates...). Reads are safe from any thread while the pipeline runs.
/// </summary>
public sealed class StageMetrics
{
    private long _received;
    private long _emitted;
    private long _dropped;
    private long _rejected;
    private long _duplicates;
    private long _gaps;
    private long _missing;
    private long _late;
    private long _failures;
    private long _restarts;
    private long _skipped;

    internal StageMetrics(string name) => Name = name;

    /// <summary>Unique name within its pipeline: given by the caller or "kind#index".</summary>
    public string Name { get; }

    /// <summary>Elements read from upstream.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Elements written downstream (for a sink: elements the sink accepted).</summary>
    public long Emitted => Interlocked.Read(ref _emitted);

    /// <summary>Elements discarded by an overflow policy, a filter or a throttle in Drop mode.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Elements a validator refused (including validators that threw).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Elements whose key was already seen within the de-duplication window.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Sequence gaps declared (each gap may cover several missing numbers).</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    /// <summary>Sequence numbers never seen, summed over all declared gaps.</summary>
    public long Missing => Interlocked.Read(ref _missing);

    /// <summary>Elements that arrived behind the sequence already emitted (repeats or after their gap).</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Calls into the sink that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Restarts after a failure (each one waited a backoff).</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>Elements given up on after a failure because the restart policy skips them.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddEmitted() => Interlocked.Increment(ref _emitted);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    internal void AddDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void AddGap(long missing)
    {
        Interlocked.Increment(ref _gaps);
        Interlocked.Add(ref _missing, missing);
    }

    internal void AddLate() => Interlocked.Increment(ref _late);

    internal void AddFailure() => Interlocked.Increment(ref _failures);

    internal void AddRestart() => Interlocked.Increment(ref _restarts);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    public override string ToString() =>
        $"{Name}: in {Received}, out {Emitted}, dropped {Dropped}, rejected {Rejected}, duplicates {Duplicates}, gaps {Gaps}";
}
