namespace LiveCasino.Streams.Stages;

/// <summary>Restart bookkeeping: the exponential delay and the restart budget within a window.</summary>
internal sealed class Backoff(RestartOptions options, TimeProvider time)
{
    private readonly Queue<long> _restartTimes = new();
    private readonly Random _random = options.Random ?? Random.Shared;
    private int _failuresInARow;

    /// <summary>Failures since the last success.</summary>
    public int FailuresInARow => _failuresInARow;

    public void Succeeded() => _failuresInARow = 0;

    /// <summary>
    /// Records a failure. Returns the wait before the next attempt, or null when the budget of
    /// MaxRestarts within MaxRestartsWithin is spent and the failure must be final.
    /// </summary>
    public TimeSpan? Failed()
    {
        var now = time.GetTimestamp();
        while (_restartTimes.Count > 0 && time.GetElapsedTime(_restartTimes.Peek(), now) >= options.MaxRestartsWithin)
        {
            _restartTimes.Dequeue();
        }

        if (_restartTimes.Count >= options.MaxRestarts)
        {
            return null;
        }

        _restartTimes.Enqueue(now);
        _failuresInARow++;
        return Delay(options, _failuresInARow, _random.NextDouble());
    }

    /// <summary>
    /// min(Max, Min * 2^(n-1) * (1 + factor * r)), in whole milliseconds because that is what
    /// Task.Delay waits; computed in double so a large n saturates instead of overflowing.
    /// </summary>
    public static TimeSpan Delay(RestartOptions options, int failuresInARow, double random01)
    {
        var exponential = options.MinBackoff.TotalMilliseconds * Math.Pow(2, failuresInARow - 1);
        var jittered = Math.Floor(exponential * (1 + (options.RandomFactor * random01)));
        return jittered >= options.MaxBackoff.TotalMilliseconds ? options.MaxBackoff : TimeSpan.FromMilliseconds(jittered);
    }
}
