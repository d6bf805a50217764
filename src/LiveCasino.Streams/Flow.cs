using System.Threading.Channels;
using LiveCasino.Streams.Stages;

namespace LiveCasino.Streams;

/// <summary>
/// One step of a pipeline being built: the output of the last stage added. Each method adds a
/// stage reading this output and returns the new step. A flow feeds exactly one stage (no
/// fan-out: two readers would split the elements). Nothing runs until
/// <see cref="ToSink(Func{T, CancellationToken, ValueTask})"/> or <see cref="ToReader"/>.
/// </summary>
public sealed class Flow<T>
{
    private readonly ChannelReader<T> _output;
    private int _taken;

    internal Flow(PipelineContext context, ChannelReader<T> output, StageMetrics metrics)
    {
        Context = context;
        _output = output;
        Metrics = metrics;
    }

    /// <summary>Counters of the stage that produces this flow.</summary>
    public StageMetrics Metrics { get; }

    internal PipelineContext Context { get; }

    /// <summary>Bounded buffer that applies <see cref="BufferOptions.OverflowPolicy"/> when the next stage is slower.</summary>
    public Flow<T> Buffer(BufferOptions options, string? name = null) => BufferStage.Attach(this, options, name);

    /// <summary>Transforms each element. A throwing selector fails the pipeline (it is a bug, not bad input).</summary>
    public Flow<TOut> Select<TOut>(Func<T, TOut> selector, string? name = null) => SelectStage.Attach(this, selector, name);

    /// <summary>Keeps elements that match; the others are counted as Dropped.</summary>
    public Flow<T> Where(Func<T, bool> predicate, string? name = null) => WhereStage.Attach(this, predicate, name);

    /// <summary>
    /// Parses or checks each element. Invalid elements, and elements on which the validator
    /// throws, are counted as Rejected and reported to <paramref name="onRejected"/>; the
    /// pipeline goes on.
    /// </summary>
    public Flow<TOut> Validate<TOut>(Func<T, Validation<TOut>> validator, Action<Rejection<T>>? onRejected = null, string? name = null) =>
        ValidateStage.Attach(this, validator, onRejected, name);

    /// <summary>Lets a key through once per window measured from its first sighting; repeats count as Duplicates.</summary>
    public Flow<T> Deduplicate<TKey>(Func<T, TKey> keySelector, DeduplicateOptions options, TimeProvider time, string? name = null)
        where TKey : notnull =>
        DeduplicateStage.Attach(this, keySelector, options, time, name);

    /// <summary>Limits the rate to Elements per Per with a burst allowance; waits or drops above it.</summary>
    public Flow<T> Throttle(ThrottleOptions options, TimeProvider time, string? name = null) => ThrottleStage.Attach(this, options, time, name);

    /// <summary>Emits a group when it holds MaxCount elements or MaxWait after its first element, whichever first.</summary>
    public Flow<IReadOnlyList<T>> GroupWithin(GroupWithinOptions options, TimeProvider time, string? name = null) =>
        GroupWithinStage.Attach(this, options, time, name);

    /// <summary>
    /// Emits elements in sequence order, holding early ones. A missing number is declared a gap
    /// (reported to <paramref name="onGap"/>, counted) after GapTimeout or when MaxPending
    /// elements wait behind it; elements behind the emitted sequence are dropped as Late.
    /// </summary>
    public Flow<T> ReorderBySequence(Func<T, long> sequence, ReorderOptions options, TimeProvider time, Action<SequenceGap>? onGap = null, string? name = null) =>
        ReorderStage.Attach(this, sequence, options, time, onGap, name);

    /// <summary>Pairs each element with the time this stage saw it (server receive time).</summary>
    public Flow<Stamped<T>> Stamp(TimeProvider time, string? name = null) => StampStage.Attach(this, time, name);

    /// <summary>Runs the pipeline into an async sink; the first sink failure fails the pipeline.</summary>
    public Pipeline ToSink(Func<T, CancellationToken, ValueTask> sink, string? name = null) =>
        SinkStage.Attach(this, sink, restart: null, TimeProvider.System, name);

    /// <summary>Runs the pipeline into an async sink, restarting it with backoff when it throws.</summary>
    public Pipeline ToSink(Func<T, CancellationToken, ValueTask> sink, RestartOptions restart, TimeProvider time, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(restart);
        return SinkStage.Attach(this, sink, restart, time, name);
    }

    /// <summary>Runs the pipeline and hands its output to the caller.</summary>
    public Pipeline<T> ToReader()
    {
        var output = Take();
        return new Pipeline<T>(Context.Run(), Context.Stages, output);
    }

    /// <summary>The output, for the one stage that will read it.</summary>
    internal ChannelReader<T> Take()
    {
        if (Interlocked.Exchange(ref _taken, 1) != 0)
        {
            throw new InvalidOperationException("This flow already feeds a stage; a flow has exactly one consumer.");
        }

        return _output;
    }
}
