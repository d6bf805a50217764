using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

internal static class SelectStage
{
    public static Flow<TOut> Attach<TIn, TOut>(Flow<TIn> upstream, Func<TIn, TOut> selector, string? name)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return StageLink.Add<TIn, TOut>(upstream, "select", name, (input, output, metrics, token) => RunAsync(input, output, metrics, selector, token));
    }

    private static async Task RunAsync<TIn, TOut>(ChannelReader<TIn> input, ChannelWriter<TOut> output, StageMetrics metrics, Func<TIn, TOut> selector, CancellationToken token)
    {
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            await output.WriteAsync(selector(item), token).ConfigureAwait(false);
            metrics.AddEmitted();
        }
    }
}
