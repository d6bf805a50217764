using LiveCasino.Actors.Timers;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Actors.Core;

/// <summary>
/// What an actor can do besides handling its message: spawn and stop children, watch others,
/// stash, run timers, pipe task results to itself. Use it only from the actor's own handlers.
/// </summary>
public sealed class ActorContext<T>
    where T : notnull
{
    private readonly ActorCell<T> _cell;
    private TimerScheduler<T>? _timers;
    private ITimer? _receiveTimeoutTimer;
    private ReceiveTimeoutState? _receiveTimeoutState;
    private TimeSpan _receiveTimeout;
    private T? _receiveTimeoutMessage;
    private long _receiveTimeoutToken;

    internal ActorContext(ActorCell<T> cell) => _cell = cell;

    public ActorRef<T> Self => _cell.Self;

    public ActorSystem System => _cell.System;

    public TimeProvider Time => _cell.System.Time;

    public ILogger Log => _cell.Log;

    public ActorRef? Parent => _cell.Parent?.UntypedSelf;

    public TimerScheduler<T> Timers => _timers ??= new TimerScheduler<T>(_cell);

    /// <summary>User messages waiting in the mailbox (approximate).</summary>
    public int MailboxDepth => _cell.QueuedCount;

    /// <summary>Restarts counted within the supervision window; 0 on a first start.</summary>
    public int RecentRestarts => _cell.RecentRestarts;

    public ActorRef<TChild> Spawn<TChild>(Props<TChild> props, string? name = null)
        where TChild : notnull
    {
        ArgumentNullException.ThrowIfNull(props);
        return _cell.SpawnChild(props, name);
    }

    /// <summary>
    /// An address in another protocol for this actor: a child that wraps each message it receives
    /// with <paramref name="wrap"/> and tells it to this actor, in order. Spawn one per incarnation
    /// and reuse it (replies from a wallet, notifications from a table), rather than an ask per message.
    /// </summary>
    public ActorRef<TIn> SpawnAdapter<TIn>(Func<TIn, T> wrap, string? name = null)
        where TIn : notnull
    {
        ArgumentNullException.ThrowIfNull(wrap);
        var self = Self;
        return Spawn(Props.Create(() => new MessageAdapter<TIn, T>(self, wrap)), name);
    }

    /// <summary>Stops this actor after the current message; queued messages are not handled.</summary>
    public void Stop() => _cell.SendSystem(SystemMessage.Stop.Instance);

    /// <summary>Stops a child of this actor.</summary>
    public void Stop(ActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Cell is not { } cell || cell.Parent != _cell)
        {
            throw new InvalidOperationException($"{child} is not a child of {_cell.Path}; only children can be stopped this way.");
        }

        cell.SendSystem(SystemMessage.Stop.Instance);
    }

    /// <summary>Watches another actor; <see cref="Actor{T}.OnTerminated"/> runs when it stops (at once if it already has).</summary>
    public void Watch(ActorRef other) => _cell.Watch(CellOf(other), null);

    /// <summary>Watches another actor; <paramref name="terminatedMessage"/> is delivered to this actor when it stops.</summary>
    public void Watch(ActorRef other, T terminatedMessage) => _cell.Watch(CellOf(other), Envelope<T>.User(terminatedMessage));

    public void Unwatch(ActorRef other) => _cell.Unwatch(CellOf(other));

    /// <summary>Keeps the current message aside (bounded by the props' StashCapacity) until <see cref="UnstashAll"/>. The actor must implement <see cref="Stashing.IWithStash"/>.</summary>
    public void Stash() => _cell.StashCurrent();

    /// <summary>Puts stashed messages back ahead of the mailbox, in their original order.</summary>
    public void UnstashAll() => _cell.UnstashAll();

    public int StashedCount => _cell.StashedCount;

    /// <summary>Delivers <paramref name="message"/> after <paramref name="timeout"/> without any user message.</summary>
    public void SetReceiveTimeout(TimeSpan timeout, T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), "Receive timeout must be positive.");
        }

        _receiveTimeout = timeout;
        _receiveTimeoutMessage = message;
        ArmReceiveTimeout();
    }

    public void CancelReceiveTimeout()
    {
        _receiveTimeoutMessage = default;
        _receiveTimeoutToken++;
        _receiveTimeoutTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Runs <paramref name="task"/> outside the actor and delivers its outcome as a message, so the
    /// actor keeps handling other messages meanwhile (no await inside the handler).
    /// </summary>
    public void PipeToSelf<TResult>(Task<TResult> task, Func<TResult, T> onSuccess, Func<Exception, T> onFailure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        var self = _cell.Self;
        task.ContinueWith(
            static (t, s) =>
            {
                var (self, ok, fail) = ((ActorRef<T>, Func<TResult, T>, Func<Exception, T>))s!;
                self.Tell(t.IsCompletedSuccessfully ? ok(t.Result) : fail(t.Exception?.GetBaseException() ?? new TaskCanceledException(t)));
            },
            (self, onSuccess, onFailure),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    internal bool IsCurrent(Envelope<T> envelope) => envelope.Kind switch
    {
        EnvelopeKind.Timer => _timers?.Admit(envelope.Token) ?? false,
        EnvelopeKind.ReceiveTimeout => envelope.Token == _receiveTimeoutToken && _receiveTimeoutMessage is not null,
        _ => true,
    };

    internal bool HasReceiveTimeout => _receiveTimeoutMessage is not null;

    internal void OnMessageStart(Envelope<T> envelope)
    {
        if (_receiveTimeoutMessage is not null && envelope.Kind == EnvelopeKind.User)
        {
            ArmReceiveTimeout();
        }
    }

    internal void ResetForRestart()
    {
        CancelTimers();
        _cell.UnstashAll();
    }

    internal void CancelTimers()
    {
        _timers?.CancelAll();
        CancelReceiveTimeout();
        _receiveTimeoutTimer?.Dispose();
        _receiveTimeoutTimer = null;
    }

    private void ArmReceiveTimeout()
    {
        // One timer per actor, re-armed per message: no allocation on the hot path.
        var token = ++_receiveTimeoutToken;
        if (_receiveTimeoutTimer is null || _receiveTimeoutState is null)
        {
            _receiveTimeoutState = new ReceiveTimeoutState(_cell);
            _receiveTimeoutTimer = Time.CreateTimer(static s => ((ReceiveTimeoutState)s!).Fire(), _receiveTimeoutState, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        _receiveTimeoutState.Arm(_receiveTimeoutMessage!, token);
        _receiveTimeoutTimer.Change(_receiveTimeout, Timeout.InfiniteTimeSpan);
    }

    private static ActorCell CellOf(ActorRef other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Cell ?? throw new NotSupportedException($"{other} is not a local actor and cannot be watched.");
    }

    private sealed class ReceiveTimeoutState(ActorCell<T> cell)
    {
        private Envelope<T> _envelope;
        private readonly Lock _gate = new();

        public void Arm(T message, long token)
        {
            lock (_gate)
            {
                _envelope = new Envelope<T>(message, EnvelopeKind.ReceiveTimeout, token);
            }
        }

        public void Fire()
        {
            Envelope<T> envelope;
            lock (_gate)
            {
                envelope = _envelope;
            }

            cell.Enqueue(envelope);
        }
    }
}
