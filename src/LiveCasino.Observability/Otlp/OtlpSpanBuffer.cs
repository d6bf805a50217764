using System.Diagnostics;
using System.Threading.Channels;

namespace LiveCasino.Observability.Otlp;

/// <summary>
/// Samples every activity of the configured sources (all data, recorded) and queues each finished
/// one for export, without waiting: past <see cref="OtlpOptions.QueuedSpansMax"/> a span is
/// dropped and counted, so a receiver that is down costs bounded memory.
/// </summary>
internal sealed class OtlpSpanBuffer : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Channel<Activity> _queue;
    private long _dropped;

    public OtlpSpanBuffer(OtlpOptions options)
    {
        _queue = Channel.CreateBounded<Activity>(new BoundedChannelOptions(options.QueuedSpansMax) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _listener = new ActivityListener
        {
            ShouldListenTo = source => options.ActivitySourcePrefixes.Any(p => source.Name.StartsWith(p, StringComparison.Ordinal)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (!_queue.Writer.TryWrite(activity))
                {
                    Interlocked.Increment(ref _dropped);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Takes up to <paramref name="max"/> finished spans.</summary>
    public List<Activity> Take(int max)
    {
        var spans = new List<Activity>();
        while (spans.Count < max && _queue.Reader.TryRead(out var a))
        {
            spans.Add(a);
        }

        return spans;
    }

    public void Dispose() => _listener.Dispose();
}
