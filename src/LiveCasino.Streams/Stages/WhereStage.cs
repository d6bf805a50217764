using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

internal static class WhereStage
{
    public static Flow<T> Attach<T>(Flow<T> upstream, Func<T, bool> predicate, string? name)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return StageLink.Add<T, T>(upstream, "where", name, (input, output, metrics, token) => RunAsync(input, output, metrics, predicate, token));
    }

    private static async Task RunAsync<T>(ChannelReader<T> input, ChannelWriter<T> output, StageMetrics metrics, Func<T, bool> predicate, CancellationToken token)
    {
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            if (!predicate(item))
            {
                metrics.AddDropped();
                continue;
            }

            await output.WriteAsync(item, token).ConfigureAwait(false);
            metrics.AddEmitted();
        }
    }
}
