namespace LiveCasino.TestKit;

/// <summary>Waits for a condition that another thread makes true; fails naming the condition.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new ProbeException($"Waited {limit.TotalSeconds:0.#} s for {what}; it never became true.");
            }

            await Task.Yield();
            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    /// <summary>The same for a condition that has to ask (an actor, a store).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new ProbeException($"Waited {limit.TotalSeconds:0.#} s for {what}; it never became true.");
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }
}
