using System.Diagnostics;
using System.Numerics;

namespace LiveCasino.Actors.Mailboxes;

/// <summary>
/// The queue of a DropNewest mailbox (the default): many producers, one consumer, at most
/// <c>capacity</c> items, and one atomic operation per message.
/// </summary>
/// <remarks>
/// <para>Items live in a chain of ring segments (sizes are powers of two, doubling from 32 up to
/// 16,384). Each slot carries a sequence number, as in Vyukov's bounded queue: a producer claims
/// the tail position with one compare-and-swap, writes the item and publishes it by setting the
/// slot's sequence; the consumer takes ready slots with plain reads and writes, so dequeuing costs
/// no atomic operation and no message is counted twice. A slot's sequence is <c>2p</c> while it is
/// free for position <c>p</c> and <c>2p + 1</c> once the item of <c>p</c> is in it (the two marks
/// never collide, even in a one-slot ring).</para>
/// <para>Only the last segment takes items. When it is full, a producer takes the grow lock,
/// counts what is queued and, if there is room, freezes the segment (no position can be claimed in
/// it any more) and links a new one sized to fit the room left. Every item sits in a segment
/// whose size was chosen so that the total cannot pass the capacity, so the bound is exact. The
/// consumer leaves a frozen segment once it has taken every position claimed in it. A queue that
/// stays short keeps reusing one ring and allocates nothing.</para>
/// </remarks>
public sealed class MpscQueue<T> : MailboxQueue<T>
{
    internal const int FirstSegmentSize = 32;
    internal const int MaxSegmentSize = 16 * 1024;

    private readonly int _capacity;
    private readonly Lock _growLock = new();
    private volatile Segment _tail;
    private volatile Segment _head;

    public MpscQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _head = _tail = new Segment(Math.Min(FirstSegmentSize, FloorPowerOfTwo(capacity)));
    }

    public override bool TryEnqueue(T item) => _tail.TryAppend(item) || EnqueueSlow(item);

    private bool EnqueueSlow(T item)
    {
        lock (_growLock)
        {
            var last = _tail;
            if (last.TryAppend(item))
            {
                return true; // The consumer made room while we waited for the lock.
            }

            // Only this thread can add to the count now (the last segment is full), so the room is
            // a safe upper bound for the next segment even while the consumer keeps taking items.
            var room = _capacity - Count;
            if (room <= 0)
            {
                return false;
            }

            var size = Math.Min(Math.Min(last.Size * 2, MaxSegmentSize), FloorPowerOfTwo(room));
            var next = new Segment(size);
            last.Freeze(next);
            _tail = next;
            var appended = next.TryAppend(item);
            Debug.Assert(appended, "A new segment has a free slot for the producer holding the grow lock.");
            return appended;
        }
    }

    private static int FloorPowerOfTwo(int n) => 1 << BitOperations.Log2((uint)n);

    public override bool TryDequeue(out T item)
    {
        var segment = _head;
        while (true)
        {
            if (segment.TryTake(out item))
            {
                return true;
            }

            // Leave a segment only when it is frozen and every position claimed in it was taken;
            // a claimed position not yet written means its producer will schedule the actor again.
            if (segment.Next is not { } next || !segment.IsDrained)
            {
                return false;
            }

            _head = segment = next;
        }
    }

    /// <summary>
    /// True when no position is claimed and untaken. A claimed slot whose item is still being
    /// written counts as work: its producer's claim is a full fence before it reads the actor's
    /// scheduled flag, and the run loop clears that flag with a full fence before it asks here, so
    /// one of the two always sees the other and the message cannot be stranded.
    /// </summary>
    public override bool IsEmpty
    {
        get
        {
            var segment = _head;
            while (segment.Count == 0)
            {
                if (segment.Next is not { } next || !segment.IsDrained)
                {
                    return true;
                }

                segment = next;
            }

            return false;
        }
    }

    public override int Count
    {
        get
        {
            long count = 0;
            for (var segment = _head; segment is not null; segment = segment.Next)
            {
                count += segment.Count;
            }

            return (int)Math.Min(count, int.MaxValue);
        }
    }

    /// <summary>One ring of slots. Positions grow forever; a slot is <c>position &amp; mask</c>.</summary>
    private sealed class Segment
    {
        // Added to the tail to freeze: any position read afterwards is far beyond every slot's sequence.
        private const long FreezeOffset = 1L << 60;

        private readonly Slot[] _slots;
        private readonly int _mask;
        // Both ends on their own cache lines: the consumer moves the head per message, and producers
        // read the fields above per message.
        private PaddedLong _tail;
        private PaddedLong _head;
        private long _frozenTail = -1;
        private volatile Segment? _next;

        public Segment(int size)
        {
            Debug.Assert(BitOperations.IsPow2(size), "Segment sizes are powers of two.");
            _slots = new Slot[size];
            _mask = size - 1;
            for (var i = 0; i < size; i++)
            {
                _slots[i].Sequence = 2L * i;
            }
        }

        public int Size => _slots.Length;

        public Segment? Next => _next;

        /// <summary>Frozen (a next segment exists) and every claimed position taken.</summary>
        public bool IsDrained => Volatile.Read(ref _head.Value) == Volatile.Read(ref _frozenTail);

        public long Count
        {
            get
            {
                var head = Volatile.Read(ref _head.Value);
                var tail = Volatile.Read(ref _tail.Value);
                if (tail >= FreezeOffset)
                {
                    tail -= FreezeOffset;
                }

                return Math.Max(0, tail - head);
            }
        }

        public bool TryAppend(T item)
        {
            var slots = _slots;
            while (true)
            {
                var position = Volatile.Read(ref _tail.Value);
                ref var slot = ref slots[position & _mask];
                var diff = Volatile.Read(ref slot.Sequence) - (2 * position);
                if (diff == 0)
                {
                    if (Interlocked.CompareExchange(ref _tail.Value, position + 1, position) == position)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, (2 * position) + 1);
                        return true;
                    }
                }
                else if (diff < 0)
                {
                    return false; // Full (the slot still holds an item a lap behind), or frozen.
                }
            }
        }

        /// <summary>Consumer only.</summary>
        public bool TryTake(out T item)
        {
            var head = _head.Value;
            ref var slot = ref _slots[head & _mask];
            if (Volatile.Read(ref slot.Sequence) != (2 * head) + 1)
            {
                item = default!;
                return false;
            }

            item = slot.Item;
            slot.Item = default!;
            Volatile.Write(ref slot.Sequence, 2 * (head + _slots.Length));
            Volatile.Write(ref _head.Value, head + 1);
            return true;
        }

        /// <summary>Under the grow lock: no position can be claimed here any more; the consumer moves on to <paramref name="next"/> after the last claimed one.</summary>
        public void Freeze(Segment next)
        {
            var claimed = Interlocked.Add(ref _tail.Value, FreezeOffset) - FreezeOffset;
            Volatile.Write(ref _frozenTail, claimed);
            _next = next;
        }
    }

    private struct Slot
    {
        public T Item;
        public long Sequence;
    }
}
