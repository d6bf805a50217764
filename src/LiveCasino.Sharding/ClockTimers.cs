using Akka.Actor;

namespace LiveCasino.Sharding;

/// <summary>
/// An actor's domain deadlines (a betting window's close, a reservation's expiry) on the node's
/// injected <see cref="TimeProvider"/>, the same clock the actor reads "now" from. Akka's own
/// scheduler drives the engine (gossip, handoff, retries) and cannot be replaced by a fake in a
/// running cluster; a deadline on the domain clock stays exact in tests that move a fake clock.
/// Like Akka's <c>ITimerScheduler</c>: one timer per key, a new start replaces the old one, and a
/// tick that was already queued when its timer was cancelled or replaced is recognised and dropped.
/// Not thread-safe: use it from the owning actor only, and dispose it when the actor stops.
/// </summary>
public sealed class ClockTimers : IDisposable
{
    // Global so that a tick queued for an earlier incarnation of the same actor never matches.
    private static long s_generation;
    private readonly IActorRef _self;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Entry> _timers = new(StringComparer.Ordinal);

    public ClockTimers(IActorRef self, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(time);
        _self = self;
        _time = time;
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Sends <paramref name="message"/> to the actor (wrapped in a <see cref="Tick"/>) at <paramref name="at"/>, at once if that has passed.</summary>
    public void StartSingleTimer(string key, object message, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var tick = new Tick(key, Interlocked.Increment(ref s_generation), message);
        var delay = at - _time.GetUtcNow();
        var state = new Pending(_self, tick);
        var timer = _time.CreateTimer(static s => ((Pending)s!).Fire(), state, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        _timers[key] = new Entry(timer, tick.Generation, at);
    }

    public bool IsActive(string key) => _timers.ContainsKey(key);

    /// <summary>When the timer of <paramref name="key"/> is due, or null when none is active.</summary>
    public DateTimeOffset? DueAt(string key) => _timers.TryGetValue(key, out var entry) ? entry.At : null;

    public void Cancel(string key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
        }
    }

    /// <summary>The message of a tick whose timer is still the current one for its key (the timer is then done), or null for a stale tick.</summary>
    public object? Accept(Tick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        if (!_timers.TryGetValue(tick.Key, out var entry) || entry.Generation != tick.Generation)
        {
            return null;
        }

        _timers.Remove(tick.Key);
        entry.Timer.Dispose();
        return tick.Message;
    }

    public void Dispose()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>A timer's delivery to its own actor: never leaves the node.</summary>
    public sealed record Tick(string Key, long Generation, object Message) : INoSerializationVerificationNeeded;

    private sealed record Entry(ITimer Timer, long Generation, DateTimeOffset At);

    private sealed record Pending(IActorRef Self, Tick Tick)
    {
        public void Fire() => Self.Tell(Tick, ActorRefs.NoSender);
    }
}
