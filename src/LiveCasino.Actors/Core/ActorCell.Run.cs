using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Mailboxes;
using LiveCasino.Actors.Stashing;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Actors.Core;

/// <summary>The run loop: one turn handles system messages first, then up to a throughput budget of user messages.</summary>
internal sealed partial class ActorCell<T>
{
    private readonly Props<T> _props;
    private readonly ActorContext<T> _context;
    private readonly Action<ActorCell<T>>? _onTerminated;
    private Actor<T>? _actor;
    private volatile CellState _state = CellState.Starting;
    private List<T>? _ownerLeftovers;
    private Envelope<T> _current;
    private readonly bool _isDefaultStrategy;

    // Only actors that stash remember the envelope being handled (see IWithStash).
    private bool _tracksCurrent;

    public ActorCell(ActorSystem system, ActorCell? parent, string name, Props<T> props, Action<ActorCell<T>>? onTerminated = null, string? pathPrefix = null)
        : base(system, parent, name, system.NextUid(), pathPrefix)
    {
        _props = props;
        _mailbox = MailboxQueue<Envelope<T>>.Create(props.Mailbox, OnDisplaced);
        _throughput = props.Throughput ?? system.Options.Throughput;
        _onTerminated = onTerminated;
        Self = new ActorRef<T>(system, this, Path, Uid);
        _context = new ActorContext<T>(this);
        _strategy = props.Supervision ?? system.Options.Supervision;
        _isDefaultStrategy = props.Supervision is null;
    }

    public ActorRef<T> Self { get; }

    public override ActorRef UntypedSelf => Self;

    public override bool IsTerminated => _state == CellState.Terminated;

    internal Envelope<T> Current => _current;

    internal ILogger Log => System.Log;

    /// <summary>Starts the actor: its first turn creates the instance and runs PreStartAsync.</summary>
    internal void Start() => Schedule();

    private void RunTurn()
    {
        try
        {
            var processed = 0;
            while (true)
            {
                if (Volatile.Read(ref _systemPending) != 0)
                {
                    Interlocked.Exchange(ref _systemPending, 0);
                    ProcessSystemMessages();
                }

                var state = _state;
                if (state == CellState.Starting)
                {
                    if (!StartInstance())
                    {
                        return; // PreStartAsync is awaiting; its continuation resumes the turn.
                    }

                    continue;
                }

                if (state != CellState.Running)
                {
                    break;
                }

                if (processed >= _throughput)
                {
                    break;
                }

                if (!TryDequeue(out var envelope))
                {
                    if (_drainThenStop && _system.IsEmpty)
                    {
                        BeginStop();
                        continue;
                    }

                    break;
                }

                processed++;
                if (!Invoke(envelope))
                {
                    return; // The handler is awaiting; its continuation resumes the turn.
                }
            }
        }
        catch (Exception ex)
        {
            // A kernel bug must not take the process down with it: log and stop this actor.
            KernelLog.KernelFault(Log, ex, Path);
            ForceTerminate();
        }

        EndTurn();
    }

    /// <summary>Handles one envelope; returns false when the handler went asynchronous.</summary>
    private bool Invoke(in Envelope<T> envelope)
    {
        if (envelope.Kind != EnvelopeKind.User && !_context.IsCurrent(envelope))
        {
            return true; // A timer cancelled or replaced after it fired.
        }

        if (_tracksCurrent)
        {
            _current = envelope;
        }

        ValueTask pending;
        try
        {
            if (_context.HasReceiveTimeout)
            {
                _context.OnMessageStart(envelope);
            }

            pending = _actor!.ReceiveAsync(envelope.Message);
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
            return true;
        }

        return Completed(pending);
    }

    private bool StartInstance()
    {
        ValueTask pending;
        try
        {
            _actor = _props.Factory();
            _actor.Attach(_context);
            _tracksCurrent = _actor is IWithStash;
            if (_isDefaultStrategy && _actor is IPersistentActor)
            {
                // Persistent actors restart with backoff by default, so a failing store is not hammered.
                _strategy = System.Options.PersistentSupervision;
            }

            _state = CellState.Running;
            pending = _actor.PreStartAsync();
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
            return true;
        }

        return Completed(pending);
    }

    /// <summary>Observes a handler's ValueTask: synchronous completion stays on the fast path.</summary>
    private bool Completed(ValueTask pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            return true;
        }

        if (pending.IsCompleted)
        {
            try
            {
                pending.GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                HandleFailure(ex);
            }

            return true;
        }

        _ = ResumeAfter(pending);
        return false;
    }

    private async Task ResumeAfter(ValueTask pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
        }

        RunTurn();
    }
}
