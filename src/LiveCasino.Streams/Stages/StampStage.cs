using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

internal static class StampStage
{
    public static Flow<Stamped<T>> Attach<T>(Flow<T> upstream, TimeProvider time, string? name)
    {
        ArgumentNullException.ThrowIfNull(time);
        return StageLink.Add<T, Stamped<T>>(upstream, "stamp", name, (input, output, metrics, token) => RunAsync(input, output, metrics, time, token));
    }

    private static async Task RunAsync<T>(ChannelReader<T> input, ChannelWriter<Stamped<T>> output, StageMetrics metrics, TimeProvider time, CancellationToken token)
    {
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            await output.WriteAsync(new Stamped<T>(item, time.GetUtcNow()), token).ConfigureAwait(false);
            metrics.AddEmitted();
        }
    }
}
