namespace LiveCasino.Payments.Retry;

/// <summary>
/// Capped exponential backoff with jitter, used by both sides: the provider's webhook retries and
/// our submission retries. Delay before retry n (n = 1 after the first failure) is
/// min(initial·2^(n-1), max) plus up to <c>jitter</c> of it, so a crowd of retries spreads out.
/// </summary>
public static class ExponentialBackoff
{
    public static TimeSpan Delay(TimeSpan initial, TimeSpan max, int retry, double jitter, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.FromTicks(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentNullException.ThrowIfNull(random);
        if (double.IsNaN(jitter) || jitter < 0 || jitter > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter is a fraction in [0, 1].");
        }

        var ticks = initial.Ticks;
        for (var i = 1; i < retry && ticks < max.Ticks; i++)
        {
            ticks = ticks > max.Ticks / 2 ? max.Ticks : ticks * 2; // never overflows
        }

        ticks = Math.Min(ticks, max.Ticks);
        return TimeSpan.FromTicks(ticks + (long)(ticks * jitter * random.NextDouble()));
    }
}
