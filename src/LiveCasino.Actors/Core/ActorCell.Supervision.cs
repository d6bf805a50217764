using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Supervision;

namespace LiveCasino.Actors.Core;

/// <summary>Failure handling: the strategy decides; restarts are limited in a window and may back off.</summary>
internal sealed partial class ActorCell<T>
{
    private SupervisorStrategy _strategy;
    private readonly Queue<long> _restartTimestamps = new();
    private ITimer? _backoffTimer;
    private long _backoffGeneration;
    private Exception? _lastFailure;

    /// <summary>Restarts counted within the strategy's window (also the backoff attempt number).</summary>
    internal int RecentRestarts => _restartTimestamps.Count;

    private void HandleFailure(Exception error)
    {
        if (_state is CellState.Stopping or CellState.Terminated)
        {
            KernelLog.FailureWhileStopping(Log, error, Path);
            return;
        }

        Directive directive;
        try
        {
            directive = _strategy.Decider(error);
        }
        catch (Exception deciderError)
        {
            KernelLog.DeciderFailed(Log, deciderError, Path);
            directive = Directive.Stop;
        }

        KernelLog.ActorFailed(Log, error, Path, directive);
        switch (directive)
        {
            case Directive.Resume:
                return;
            case Directive.Restart:
                if (!AllowRestart())
                {
                    KernelLog.RestartLimitReached(Log, Path, _strategy.MaxRestarts, _strategy.Within);
                    StopAfterFailure();
                    return;
                }

                KernelMetrics.Restarts.Add(1);
                _lastFailure = error;
                if (_strategy.Backoff is { } backoff)
                {
                    _state = CellState.Suspended;
                    var generation = ++_backoffGeneration;
                    var delay = backoff.DelayFor(_restartTimestamps.Count, Random.Shared.NextDouble());
                    _backoffTimer?.Dispose();
                    _backoffTimer = System.Time.CreateTimer(
                        static s =>
                        {
                            var (cell, gen) = ((ActorCell<T>, long))s!;
                            cell.SendSystem(new SystemMessage.RestartAfterBackoff(gen));
                        },
                        (this, generation),
                        delay,
                        Timeout.InfiniteTimeSpan);
                }
                else
                {
                    Restart(error);
                }

                return;
            case Directive.Escalate:
                if (Parent is { } parent)
                {
                    parent.SendSystem(new SystemMessage.ChildEscalated(this, error));
                }

                StopAfterFailure();
                return;
            default:
                StopAfterFailure();
                return;
        }
    }

    private void StopAfterFailure()
    {
        KernelMetrics.Stops.Add(1);
        BeginStop();
    }

    private bool AllowRestart()
    {
        var now = System.Time.GetTimestamp();
        var window = _strategy.Within;
        while (_restartTimestamps.Count > 0 && System.Time.GetElapsedTime(_restartTimestamps.Peek(), now) > window)
        {
            _restartTimestamps.Dequeue();
        }

        if (_restartTimestamps.Count >= _strategy.MaxRestarts)
        {
            return false;
        }

        _restartTimestamps.Enqueue(now);
        return true;
    }

    /// <summary>Replaces the instance. The mailbox and the stash survive: stashed messages go first.</summary>
    private void Restart(Exception reason)
    {
        try
        {
            _actor?.PreRestart(reason);
        }
        catch (Exception ex)
        {
            KernelLog.HookFailed(Log, ex, Path, nameof(Actor<T>.PreRestart));
        }

        _context.ResetForRestart();
        _actor = null;
        _state = CellState.Starting;
    }

    private void OnBackoffElapsed(long generation)
    {
        if (generation == _backoffGeneration && _state == CellState.Suspended)
        {
            _backoffTimer?.Dispose();
            _backoffTimer = null;
            Restart(_lastFailure ?? new InvalidOperationException("restart after backoff"));
        }
    }
}
