using System.Collections.Concurrent;
using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Mailboxes;

namespace LiveCasino.Actors.Core;

/// <summary>
/// An actor's cell: its mailbox, its current instance and its lifecycle. This part holds the
/// mailbox and the scheduler: a bounded multi-producer single-consumer queue of envelopes (see
/// <see cref="MailboxQueue{T}"/>), and a "scheduled" flag that guarantees at most one pool thread
/// runs the actor at a time.
/// </summary>
internal sealed partial class ActorCell<T> : ActorCell, IMessageSink<T>, IThreadPoolWorkItem
    where T : notnull
{
    private readonly MailboxQueue<Envelope<T>> _mailbox;
    private readonly ConcurrentQueue<SystemMessage> _system = new();

    // After termination several threads may drain the mailbox (the cell's own and late producers): one at a time.
    private readonly Lock _drainLock = new();

    // Unstashed messages: handled before the mailbox. Touched only by the thread running the actor.
    private Queue<Envelope<T>> _front = new();
    private readonly int _throughput;
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

        if (!_mailbox.TryEnqueue(envelope))
        {
            DeadLetter(envelope.Message, DeadLetterReason.MailboxFull);
            return false;
        }

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

        return _mailbox.TryDequeue(out envelope);
    }

    private void OnDisplaced(Envelope<T> oldest) => DeadLetter(oldest.Message, DeadLetterReason.DroppedOldest);

    private bool HasUserWork => _front.Count > 0 || !_mailbox.IsEmpty;

    /// <summary>Ends a turn: releases the scheduled flag, then re-checks for work that raced in.</summary>
    private void EndTurn()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        var more = !_system.IsEmpty || (_state == CellState.Running && (HasUserWork || _drainThenStop));
        if (more)
        {
            Schedule();
        }
    }

    /// <summary>Number of user messages waiting (approximate while the actor runs).</summary>
    internal int QueuedCount => _mailbox.Count + _front.Count;

    private bool Undeliverable(Envelope<T> envelope)
    {
        if (_onTerminated is not null)
        {
            // The hook re-delivers to the next incarnation; handing over empties a full queue.
            while (!_mailbox.TryEnqueue(envelope))
            {
                HandOverAfterTermination();
            }

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
        lock (_drainLock)
        {
            // Wait out producers that claimed a slot and are still writing it: they may have read
            // the state before termination, and then nobody else would collect their message.
            var spin = default(SpinWait);
            while (!_mailbox.IsEmpty)
            {
                if (!_mailbox.TryDequeue(out var e))
                {
                    spin.SpinOnce();
                    continue;
                }

                if (e.Kind == EnvelopeKind.User)
                {
                    leftovers.Add(e.Message);
                }
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
