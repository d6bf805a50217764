using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>Reads the producer's channel into the pipeline; the only stage a Shutdown stops.</summary>
internal static class SourceStage
{
    public static Flow<T> Attach<T>(PipelineContext context, ChannelReader<T> reader)
    {
        var metrics = context.NewMetrics("source", "source");
        var link = context.NewLink<T>();
        context.AddPump(link.Writer, token => RunAsync(reader, link.Writer, metrics, context.ShutdownRequested, token));
        return new Flow<T>(context, link.Reader, metrics);
    }

    private static async Task RunAsync<T>(ChannelReader<T> input, ChannelWriter<T> output, StageMetrics metrics, CancellationToken shutdown, CancellationToken token)
    {
        using var readToken = CancellationTokenSource.CreateLinkedTokenSource(token, shutdown);
        while (!shutdown.IsCancellationRequested)
        {
            try
            {
                if (!await input.WaitToReadAsync(readToken.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested && !token.IsCancellationRequested)
            {
                // Shutdown: stop reading, complete normally so everything behind us drains.
                return;
            }

            while (!shutdown.IsCancellationRequested && input.TryRead(out var item))
            {
                metrics.AddReceived();
                await output.WriteAsync(item, token).ConfigureAwait(false);
                metrics.AddEmitted();
            }
        }
    }
}
