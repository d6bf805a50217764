using LiveCasino.Actors.Core;

namespace LiveCasino.Actors.Timers;

/// <summary>
/// Keyed timers that deliver a message to the actor itself, driven by the system's TimeProvider
/// (fake time in tests). Starting a key again replaces the old timer; a message from a cancelled or
/// replaced timer that is already queued is discarded, never delivered late. Timers end with the
/// instance: a restart or stop cancels them all. Use only from the actor's own thread.
/// </summary>
public sealed class TimerScheduler<T>
    where T : notnull
{
    /// <summary>Most concurrent timers one actor may hold.</summary>
    public const int TimersPerActorMax = 1_024;

    private readonly ActorCell<T> _cell;
    private readonly Dictionary<object, Entry> _byKey = [];
    private readonly Dictionary<long, object> _keyByToken = [];
    private long _nextToken;

    internal TimerScheduler(ActorCell<T> cell) => _cell = cell;

    private sealed record Entry(ITimer Timer, long Token, bool Periodic);

    public int Count => _byKey.Count;

    public bool IsActive(object key) => _byKey.ContainsKey(key);

    public void StartSingleTimer(object key, T message, TimeSpan delay) => Start(key, message, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, T message, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "A periodic timer needs a positive interval.");
        }

        Start(key, message, interval, interval);
    }

    public void Cancel(object key)
    {
        if (_byKey.Remove(key, out var entry))
        {
            entry.Timer.Dispose();
            _keyByToken.Remove(entry.Token);
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _byKey.Values)
        {
            entry.Timer.Dispose();
        }

        _byKey.Clear();
        _keyByToken.Clear();
    }

    private void Start(object key, T message, TimeSpan due, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        if (_byKey.Count >= TimersPerActorMax)
        {
            throw new InvalidOperationException($"{_cell.Path} holds {TimersPerActorMax} timers, the most one actor may hold.");
        }

        var token = ++_nextToken;
        var state = new TimerState(_cell, new Envelope<T>(message, EnvelopeKind.Timer, token));
        var timer = _cell.System.Time.CreateTimer(static s => ((TimerState)s!).Fire(), state, due < TimeSpan.Zero ? TimeSpan.Zero : due, period);
        _byKey[key] = new Entry(timer, token, period != Timeout.InfiniteTimeSpan);
        _keyByToken[token] = key;
    }

    /// <summary>True if the timer message should be delivered; a single-shot timer is then done.</summary>
    internal bool Admit(long token)
    {
        if (!_keyByToken.TryGetValue(token, out var key))
        {
            return false;
        }

        var entry = _byKey[key];
        if (!entry.Periodic)
        {
            entry.Timer.Dispose();
            _byKey.Remove(key);
            _keyByToken.Remove(token);
        }

        return true;
    }

    private sealed class TimerState(ActorCell<T> cell, Envelope<T> envelope)
    {
        public void Fire() => cell.Enqueue(envelope);
    }
}
