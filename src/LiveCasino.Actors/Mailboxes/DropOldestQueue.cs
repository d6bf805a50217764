using System.Collections.Concurrent;

namespace LiveCasino.Actors.Mailboxes;

/// <summary>
/// The queue of a DropOldest mailbox. A producer that finds it full removes the oldest item
/// itself, so it needs a queue that several threads may dequeue from: a ConcurrentQueue with an
/// interlocked count for the bound.
/// </summary>
public sealed class DropOldestQueue<T> : MailboxQueue<T>
{
    private readonly ConcurrentQueue<T> _queue = new();
    private readonly int _capacity;
    private readonly Action<T> _onDisplaced;
    private int _count;

    public DropOldestQueue(int capacity, Action<T> onDisplaced)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _onDisplaced = onDisplaced;
    }

    public override bool TryEnqueue(T item)
    {
        if (Interlocked.Increment(ref _count) > _capacity && _queue.TryDequeue(out var oldest))
        {
            Interlocked.Decrement(ref _count);
            _onDisplaced(oldest);
        }

        _queue.Enqueue(item);
        return true;
    }

    public override bool TryDequeue(out T item)
    {
        if (_queue.TryDequeue(out item!))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }

    public override bool IsEmpty => _queue.IsEmpty;

    public override int Count => Math.Max(0, Volatile.Read(ref _count));
}
