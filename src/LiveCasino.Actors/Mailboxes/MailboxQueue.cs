namespace LiveCasino.Actors.Mailboxes;

/// <summary>
/// The user-message queue behind one actor's mailbox: many producers (any thread that tells the
/// actor), one consumer (the actor's run loop). The overflow policy decides the implementation.
/// </summary>
public abstract class MailboxQueue<T>
{
    public static MailboxQueue<T> Create(MailboxOptions options, Action<T> onDisplaced)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Overflow == OverflowPolicy.DropNewest
            ? new MpscQueue<T>(options.Capacity)
            : new DropOldestQueue<T>(options.Capacity, onDisplaced);
    }

    /// <summary>Adds an item; false when the queue is full and refused it (any thread).</summary>
    public abstract bool TryEnqueue(T item);

    /// <summary>Takes the oldest item. Only the consumer calls it: the actor's run loop, or after termination a caller holding the drain lock.</summary>
    public abstract bool TryDequeue(out T item);

    /// <summary>True when no item is ready to be taken (any thread; exact only for the consumer).</summary>
    public abstract bool IsEmpty { get; }

    /// <summary>Items queued, including ones being written (any thread; approximate while it changes).</summary>
    public abstract int Count { get; }
}
