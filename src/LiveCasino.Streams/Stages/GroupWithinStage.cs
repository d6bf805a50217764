using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>
/// Waits for a first element without any timer, then collects until MaxCount or MaxWait. The
/// wait is a cancellation of WaitToReadAsync, which never loses an element.
/// </summary>
internal static class GroupWithinStage
{
    public static Flow<IReadOnlyList<T>> Attach<T>(Flow<T> upstream, GroupWithinOptions options, TimeProvider time, string? name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        return StageLink.Add<T, IReadOnlyList<T>>(upstream, "group", name, (input, output, metrics, token) => RunAsync(input, output, metrics, options, time, token));
    }

    private static async Task RunAsync<T>(
        ChannelReader<T> input,
        ChannelWriter<IReadOnlyList<T>> output,
        StageMetrics metrics,
        GroupWithinOptions options,
        TimeProvider time,
        CancellationToken token)
    {
        while (await input.WaitToReadAsync(token).ConfigureAwait(false))
        {
            var group = new List<T>(Math.Min(options.MaxCount, 1024));
            var upstreamDone = false;
            using (var window = new CancellationTokenSource(options.MaxWait, time))
            using (var waitToken = CancellationTokenSource.CreateLinkedTokenSource(token, window.Token))
            {
                while (group.Count < options.MaxCount)
                {
                    if (input.TryRead(out var item))
                    {
                        metrics.AddReceived();
                        group.Add(item);
                        continue;
                    }

                    try
                    {
                        if (!await input.WaitToReadAsync(waitToken.Token).ConfigureAwait(false))
                        {
                            upstreamDone = true;
                            break;
                        }
                    }
                    catch (OperationCanceledException) when (window.IsCancellationRequested && !token.IsCancellationRequested)
                    {
                        break;
                    }
                }
            }

            // Upstream completion flushes the partial group; upstream failure threw above and drops it.
            await output.WriteAsync(group, token).ConfigureAwait(false);
            metrics.AddEmitted();
            if (upstreamDone)
            {
                return;
            }
        }
    }
}
