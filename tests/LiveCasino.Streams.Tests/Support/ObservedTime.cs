using System.Threading.Channels;
using LiveCasino.TestKit;

namespace LiveCasino.Streams.Tests.Support;

/// <summary>
/// FakeTimeProvider that also reports every timer armed with a finite due time. A test awaits
/// the report before advancing the clock, so it never advances past a timer not yet created
/// (the stage runs on another thread); the report carries the due time, to check backoffs.
/// </summary>
public sealed class ObservedTime : TimeProvider
{
    private readonly FakeTimeProvider _fake = new();
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public int PendingTimers => _fake.PendingTimers;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>Waits until some stage arms a timer; returns its due time.</summary>
    public Task<TimeSpan> NextTimerAsync(string what) => Bounded.ReadAsync(_armed.Reader, $"a timer to be armed ({what})");

    /// <summary>Waits for a timer that <paramref name="isIt"/> recognises, passing over other stages' timers.</summary>
    public async Task<TimeSpan> NextTimerAsync(string what, Func<TimeSpan, bool> isIt)
    {
        while (true)
        {
            var due = await NextTimerAsync(what);
            if (isIt(due))
            {
                return due;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(_fake.CreateTimer(callback, state, dueTime, period), _armed.Writer);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _armed.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    private sealed class ObservedTimer(ITimer inner, ChannelWriter<TimeSpan> armed) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (changed && dueTime != Timeout.InfiniteTimeSpan)
            {
                armed.TryWrite(dueTime);
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
