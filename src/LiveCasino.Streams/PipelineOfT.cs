using System.Threading.Channels;

namespace LiveCasino.Streams;

/// <summary>A running pipeline whose last stage is read by the caller.</summary>
/// <remarks>
/// The output link is bounded like every other: a caller that stops reading backpressures the
/// whole pipeline. Cancel or abort to end it if you stop reading.
/// </remarks>
public sealed class Pipeline<T> : Pipeline
{
    internal Pipeline(Task completion, IReadOnlyList<StageMetrics> stages, ChannelReader<T> output)
        : base(completion, stages) => Output = output;

    /// <summary>Completes after the last element; completes with the error if the pipeline failed.</summary>
    public ChannelReader<T> Output { get; }
}
