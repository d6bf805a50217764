using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>
/// Remembers each key with the time of its first sighting; keys expire in arrival order, so a
/// queue beside the dictionary makes expiry and the MaxKeys eviction O(1) per element.
/// </summary>
internal static class DeduplicateStage
{
    public static Flow<T> Attach<T, TKey>(Flow<T> upstream, Func<T, TKey> keySelector, DeduplicateOptions options, TimeProvider time, string? name)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        return StageLink.Add<T, T>(upstream, "deduplicate", name, (input, output, metrics, token) => RunAsync(input, output, metrics, keySelector, options, time, token));
    }

    private static async Task RunAsync<T, TKey>(
        ChannelReader<T> input,
        ChannelWriter<T> output,
        StageMetrics metrics,
        Func<T, TKey> keySelector,
        DeduplicateOptions options,
        TimeProvider time,
        CancellationToken token)
        where TKey : notnull
    {
        var seen = new HashSet<TKey>();
        var arrivals = new Queue<(TKey Key, long At)>();
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            var now = time.GetTimestamp();
            while (arrivals.Count > 0 && time.GetElapsedTime(arrivals.Peek().At, now) >= options.Window)
            {
                seen.Remove(arrivals.Dequeue().Key);
            }

            var key = keySelector(item);
            if (seen.Contains(key))
            {
                metrics.AddDuplicate();
                continue;
            }

            if (seen.Count >= options.MaxKeys)
            {
                // Bounded memory beats a perfect window: forget the oldest key early.
                seen.Remove(arrivals.Dequeue().Key);
            }

            seen.Add(key);
            arrivals.Enqueue((key, now));
            await output.WriteAsync(item, token).ConfigureAwait(false);
            metrics.AddEmitted();
        }
    }
}
