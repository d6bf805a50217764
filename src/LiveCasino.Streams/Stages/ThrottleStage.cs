using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>
/// Token bucket on the TimeProvider's clock: one token per Interval, at most MaximumBurst
/// saved up. Starts full, so a burst can pass at once after a quiet spell.
/// </summary>
internal static class ThrottleStage
{
    public static Flow<T> Attach<T>(Flow<T> upstream, ThrottleOptions options, TimeProvider time, string? name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        return StageLink.Add<T, T>(upstream, "throttle", name, (input, output, metrics, token) => RunAsync(input, output, metrics, options, time, token));
    }

    private static async Task RunAsync<T>(ChannelReader<T> input, ChannelWriter<T> output, StageMetrics metrics, ThrottleOptions options, TimeProvider time, CancellationToken token)
    {
        var interval = options.Interval;
        long tokens = options.MaximumBurst;
        var refilledAt = time.GetTimestamp();

        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            while (true)
            {
                var now = time.GetTimestamp();
                var earned = time.GetElapsedTime(refilledAt, now).Ticks / interval.Ticks;
                if (earned > options.MaximumBurst - tokens)
                {
                    // Overflowing: tokens beyond the burst are lost, and so is the partial interval.
                    tokens = options.MaximumBurst;
                    refilledAt = now;
                }
                else if (earned > 0)
                {
                    // Keep the part of an interval already served, or waits rounded up to whole
                    // milliseconds would slow the average rate down.
                    tokens += earned;
                    refilledAt += ToTimestamp(time, interval * earned);
                }

                if (tokens > 0)
                {
                    tokens--;
                    await output.WriteAsync(item, token).ConfigureAwait(false);
                    metrics.AddEmitted();
                    break;
                }

                if (options.Mode == ThrottleMode.Drop)
                {
                    metrics.AddDropped();
                    break;
                }

                // Task.Delay counts whole milliseconds: round up, or a sub-millisecond wait
                // would be zero and this loop would spin without letting time pass.
                var wait = interval - time.GetElapsedTime(refilledAt, now);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, token).ConfigureAwait(false);
            }
        }
    }

    private static long ToTimestamp(TimeProvider time, TimeSpan span) =>
        (long)(span.Ticks * ((double)time.TimestampFrequency / TimeSpan.TicksPerSecond));
}
