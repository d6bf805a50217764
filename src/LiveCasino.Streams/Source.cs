using System.Threading.Channels;
using LiveCasino.Streams.Stages;

namespace LiveCasino.Streams;

/// <summary>Entry point: a pipeline starts from a channel some producer writes into.</summary>
public static class Source
{
    /// <summary>
    /// Starts a flow reading <paramref name="reader"/>. The pipeline never completes the
    /// producer's writer: the producer learns the end from <see cref="Pipeline.Completion"/>.
    /// If the producer completes its writer with an error, the pipeline fails with that error.
    /// </summary>
    public static Flow<T> From<T>(ChannelReader<T> reader, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new PipelineOptions();
        options.Validate();
        var context = new PipelineContext(options, cancellationToken);
        return SourceStage.Attach(context, reader);
    }
}
