namespace LiveCasino.Server.Edge;

/// <summary>
/// A token bucket refilled from elapsed time when a token is asked for: <c>perSecond</c> tokens a
/// second up to <c>burst</c>. No timer runs per bucket, so ten thousand idle connections cost no
/// CPU (a timer-driven limiter would wake 20,000 times a second for their two buckets each).
/// Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _burst;
    private readonly double _perTimestampTick;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;

    public TokenBucket(TimeProvider time, int perSecond, int burst)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _burst = burst;
        _perTimestampTick = (double)perSecond / time.TimestampFrequency;
        _tokens = burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty (nothing is taken).</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (now > _last)
            {
                _tokens = Math.Min(_burst, _tokens + ((now - _last) * _perTimestampTick));
                _last = now;
            }

            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
