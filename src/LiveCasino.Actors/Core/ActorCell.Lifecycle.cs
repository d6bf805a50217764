using LiveCasino.Actors.Diagnostics;

namespace LiveCasino.Actors.Core;

/// <summary>System messages, children, death watch and the stop sequence.</summary>
internal sealed partial class ActorCell<T>
{
    private readonly Dictionary<string, ActorCell> _children = new(StringComparer.Ordinal);
    private readonly HashSet<ActorCell> _watchers = [];
    private readonly Dictionary<ActorCell, Envelope<T>?> _watching = [];
    private long _childNames;

    internal IReadOnlyCollection<ActorCell> Children => _children.Values;

    private void ProcessSystemMessages()
    {
        while (_system.TryDequeue(out var message))
        {
            switch (message)
            {
                case SystemMessage.Stop:
                    BeginStop();
                    break;
                case SystemMessage.Watch w:
                    if (IsTerminated)
                    {
                        w.Watcher.SendSystem(new SystemMessage.Terminated(this));
                    }
                    else
                    {
                        _watchers.Add(w.Watcher);
                    }

                    break;
                case SystemMessage.Unwatch u:
                    _watchers.Remove(u.Watcher);
                    break;
                case SystemMessage.Terminated t:
                    OnWatchedTerminated(t.Actor);
                    break;
                case SystemMessage.ChildTerminated c:
                    _children.Remove(c.Child.Name);
                    if (_state == CellState.Stopping && _children.Count == 0)
                    {
                        FinishStop();
                    }

                    break;
                case SystemMessage.ChildEscalated e:
                    if (_state == CellState.Running)
                    {
                        HandleFailure(e.Error);
                    }

                    break;
                case SystemMessage.RestartAfterBackoff r:
                    OnBackoffElapsed(r.Generation);
                    break;
            }
        }
    }

    internal ActorRef<TChild> SpawnChild<TChild>(Props<TChild> props, string? name)
        where TChild : notnull
    {
        props.Validate();
        if (_state is CellState.Stopping or CellState.Terminated)
        {
            throw new InvalidOperationException($"{Path} is stopping and cannot create children.");
        }

        name ??= "$" + (++_childNames).ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        ActorNames.Validate(name);
        if (_children.ContainsKey(name))
        {
            throw new InvalidOperationException($"{Path} already has a child named '{name}'.");
        }

        var child = new ActorCell<TChild>(System, this, name, props);
        _children.Add(name, child);
        child.Start();
        return child.Self;
    }

    internal void Watch(ActorCell other, Envelope<T>? message)
    {
        _watching[other] = message;
        other.SendSystem(new SystemMessage.Watch(this));
    }

    internal void Unwatch(ActorCell other)
    {
        if (_watching.Remove(other))
        {
            other.SendSystem(new SystemMessage.Unwatch(this));
        }
    }

    private void OnWatchedTerminated(ActorCell other)
    {
        if (!_watching.Remove(other, out var message) || _state is CellState.Stopping or CellState.Terminated)
        {
            return;
        }

        if (message is { } envelope)
        {
            Enqueue(envelope);
            return;
        }

        try
        {
            _actor?.OnTerminated(other.UntypedSelf);
        }
        catch (Exception ex)
        {
            HandleFailure(ex);
        }
    }

    /// <summary>Stops children first; the actor itself finishes when the last child has terminated.</summary>
    private void BeginStop()
    {
        if (_state is CellState.Stopping or CellState.Terminated)
        {
            return;
        }

        _state = CellState.Stopping;
        _backoffTimer?.Dispose();
        _context.CancelTimers();
        if (_children.Count == 0)
        {
            FinishStop();
            return;
        }

        foreach (var child in _children.Values)
        {
            child.SendSystem(SystemMessage.Stop.Instance);
        }
    }

    private void FinishStop()
    {
        try
        {
            _actor?.PostStop();
        }
        catch (Exception ex)
        {
            KernelLog.HookFailed(Log, ex, Path, nameof(Actor<T>.PostStop));
        }

        _actor = null;
        CollectOwnerLeftovers();
        _state = CellState.Terminated;
        Interlocked.MemoryBarrier();
        HandOverAfterTermination();
        foreach (var watcher in _watchers)
        {
            watcher.SendSystem(new SystemMessage.Terminated(this));
        }

        _watchers.Clear();
        foreach (var watched in _watching.Keys)
        {
            watched.SendSystem(new SystemMessage.Unwatch(this));
        }

        _watching.Clear();
        if (Parent is { } parent)
        {
            parent.SendSystem(new SystemMessage.ChildTerminated(this));
        }
        else
        {
            System.OnTopLevelTerminated(this);
        }

        MarkTerminated();
    }

    /// <summary>Last resort after a kernel fault: terminate without running user hooks again.</summary>
    private void ForceTerminate()
    {
        if (_state == CellState.Terminated)
        {
            return;
        }

        foreach (var child in _children.Values)
        {
            child.SendSystem(SystemMessage.Stop.Instance);
        }

        _children.Clear();
        _state = CellState.Stopping;
        FinishStop();
    }
}
