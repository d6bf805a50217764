using System.Collections.Concurrent;
using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Mailboxes;

namespace LiveCasino.Actors.Core;

/// <summary>
/// An actor's cell: its mailbox, its current instance and its lifecycle. This part holds the
/// mailbox and the scheduler: a lock-free MPSC queue of envelopes, a count for the bound, and a
/// "scheduled" flag that guarantees at most one pool thread runs the actor at a time.
/// </summary>
internal sealed partial class ActorCell<T> : ActorCell, IMessageSink<T>, IThreadPoolWorkItem
    where T : notnull
{
    private readonly ConcurrentQueue<Envelope<T>> _mailbox = new();
    private readonly ConcurrentQueue<SystemMessage> _system = new();

    // Unstashed messages: handled before the mailbox. Touched only by the thread running the actor.
    private Queue<Envelope<T>> _front = new();
    private readonly int _capacity;
    private readonly OverflowPolicy _overflow;
    private readonly int _throughput;

    // Approximate user-queue length: producers add 1 each, the consumer subtracts in bulk per turn.
    private int _count;
    private int _dequeuedSinceFlush;
    private int _scheduled;

    // Set after a system message is enqueued: lets the run loop skip probing the queue per message.
    private int _systemPending;

    // Set by a region: finish what is queued, then stop (passivation without losing messages).
    private volatile bool _drainThenStop;

    public bool Post(T message) => Enqueue(Envelope<T>.User(message));

    internal bool Enqueue(Envelope<T> envelope)
    {
        if (IsTerminated)
        {
            return Undeliverable(envelope);
        }

        if (Interlocked.Increment(ref _count) > _capacity)
        {
            if (_overflow == OverflowPolicy.DropNewest)
            {
                Interlocked.Decrement(ref _count);
                DeadLetter(envelope.Message, DeadLetterReason.MailboxFull);
                return false;
            }

            if (_mailbox.TryDequeue(out var oldest))
            {
                Interlocked.Decrement(ref _count);
                DeadLetter(oldest.Message, DeadLetterReason.DroppedOldest);
            }
        }

        _mailbox.Enqueue(envelope);

        // A message that raced with the final drain of a stopping cell is handed on, not stranded.
        if (IsTerminated)
        {
            HandOverAfterTermination();
            return true;
        }

        Schedule();
        return true;
    }

    public override void SendSystem(SystemMessage message)
    {
        _system.Enqueue(message);
        Volatile.Write(ref _systemPending, 1);
        Schedule();
    }

    /// <summary>Asks the actor to handle everything already queued and then stop.</summary>
    internal void RequestDrainThenStop()
    {
        _drainThenStop = true;
        Schedule();
    }

    private void Schedule()
    {
        // Plain read first: while the actor is running, posts skip the interlocked operation.
        // Safe because producers enqueue (a full fence) before this read, and EndTurn clears the
        // flag with a full fence before it re-checks the queues.
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    void IThreadPoolWorkItem.Execute() => RunTurn();

    private bool TryDequeue(out Envelope<T> envelope)
    {
        if (_front.Count > 0)
        {
            envelope = _front.Dequeue();
            return true;
        }

        if (_mailbox.TryDequeue(out envelope))
        {
            _dequeuedSinceFlush++;
            return true;
        }

        return false;
    }

    private void FlushCount()
    {
        if (_dequeuedSinceFlush != 0)
        {
            Interlocked.Add(ref _count, -_dequeuedSinceFlush);
            _dequeuedSinceFlush = 0;
        }
    }

    private bool HasUserWork => _front.Count > 0 || !_mailbox.IsEmpty;

    /// <summary>Ends a turn: releases the scheduled flag, then re-checks for work that raced in.</summary>
    private void EndTurn()
    {
        FlushCount();
        Interlocked.Exchange(ref _scheduled, 0);
        var more = !_system.IsEmpty || (_state == CellState.Running && (HasUserWork || _drainThenStop));
        if (more)
        {
            Schedule();
        }
    }

    /// <summary>Number of user messages waiting (approximate while the actor runs).</summary>
    internal int QueuedCount => Math.Max(0, Volatile.Read(ref _count) - _dequeuedSinceFlush) + _front.Count;

    private bool Undeliverable(Envelope<T> envelope)
    {
        if (_onTerminated is not null)
        {
            _mailbox.Enqueue(envelope);
            HandOverAfterTermination();
            return true;
        }

        if (envelope.Kind == EnvelopeKind.User)
        {
            DeadLetter(envelope.Message, DeadLetterReason.RecipientTerminated);
        }

        return false;
    }

    /// <summary>
    /// After termination, queued messages go to the termination hook (a region re-delivers them to
    /// the next incarnation under its own lock) or else to dead letters.
    /// </summary>
    private void HandOverAfterTermination()
    {
        if (_onTerminated is { } hook)
        {
            hook(this);
            return;
        }

        foreach (var m in TakeLeftovers())
        {
            DeadLetter(m, DeadLetterReason.RecipientTerminated);
        }
    }

    /// <summary>
    /// Removes and returns every user message the terminated actor never handled, oldest first:
    /// stashed and unstashed ones (collected by the actor's own thread before termination), then
    /// the mailbox. Callers serialize calls (the region holds its entity lock).
    /// </summary>
    internal List<T> TakeLeftovers()
    {
        var leftovers = Interlocked.Exchange(ref _ownerLeftovers, null) ?? [];
        while (_mailbox.TryDequeue(out var e))
        {
            if (e.Kind == EnvelopeKind.User)
            {
                leftovers.Add(e.Message);
            }
        }

        return leftovers;
    }

    /// <summary>Runs on the actor's own thread just before termination: stash and unstashed first.</summary>
    private void CollectOwnerLeftovers()
    {
        var list = new List<T>();
        if (_stash is { Count: > 0 } stash)
        {
            list.AddRange(stash.Where(e => e.Kind == EnvelopeKind.User).Select(e => e.Message));
            stash.Clear();
        }

        while (_front.Count > 0)
        {
            var e = _front.Dequeue();
            if (e.Kind == EnvelopeKind.User)
            {
                list.Add(e.Message);
            }
        }

        _ownerLeftovers = list.Count > 0 ? list : null;
    }
}
