using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>Reads upstream eagerly into its own bounded channel and applies the overflow policy there.</summary>
internal static class BufferStage
{
    public static Flow<T> Attach<T>(Flow<T> upstream, BufferOptions options, string? name)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var context = upstream.Context;
        var metrics = context.NewMetrics("buffer", name);
        var input = upstream.Take();
        var mode = options.OverflowPolicy switch
        {
            OverflowPolicy.DropOldest => BoundedChannelFullMode.DropOldest,
            OverflowPolicy.DropNewest => BoundedChannelFullMode.DropWrite,
            _ => BoundedChannelFullMode.Wait,
        };
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = mode,
            AllowSynchronousContinuations = false,
        };

        // The channel itself evicts in the drop modes; the callback only counts.
        var link = PipelineContext.Observed(Channel.CreateBounded<T>(channelOptions, _ => metrics.AddDropped()));
        context.AddPump(link.Writer, token => RunAsync(input, link.Writer, metrics, options, token));
        return new Flow<T>(context, link.Reader, metrics);
    }

    private static async Task RunAsync<T>(ChannelReader<T> input, ChannelWriter<T> output, StageMetrics metrics, BufferOptions options, CancellationToken token)
    {
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            if (options.OverflowPolicy == OverflowPolicy.Fail)
            {
                if (!output.TryWrite(item))
                {
                    throw new BufferOverflowException($"Buffer '{metrics.Name}' is full ({options.Capacity} elements) and its policy is Fail.");
                }
            }
            else
            {
                // Never waits in the drop modes: the channel makes room by dropping.
                await output.WriteAsync(item, token).ConfigureAwait(false);
            }

            metrics.AddEmitted();
        }
    }
}
