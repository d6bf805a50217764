using LiveCasino.Actors.Mailboxes;

namespace LiveCasino.Actors.Tests;

/// <summary>
/// The mailbox queues on their own: the exact bound across segment growth, order, reuse, and
/// many producers racing one consumer (every accepted item taken once, each producer's in order).
/// </summary>
public sealed class MailboxQueueTests
{
    public static TheoryData<int> Capacities => new() { 1, 2, 3, 31, 32, 33, 100, 1_000, 40_000 };

    [Theory]
    [MemberData(nameof(Capacities))]
    public void DropNewest_queue_takes_exactly_its_capacity_then_refuses(int capacity)
    {
        var queue = new MpscQueue<int>(capacity);
        for (var lap = 0; lap < 3; lap++)
        {
            var accepted = 0;
            while (queue.TryEnqueue(accepted))
            {
                accepted++;
                Assert.True(accepted <= capacity, "accepted more than the capacity");
            }

            Assert.Equal(capacity, accepted);
            Assert.Equal(capacity, queue.Count);
            Assert.False(queue.IsEmpty);
            for (var i = 0; i < capacity; i++)
            {
                Assert.True(queue.TryDequeue(out var item));
                Assert.Equal(i, item);
            }

            Assert.False(queue.TryDequeue(out _));
            Assert.True(queue.IsEmpty);
            Assert.Equal(0, queue.Count);
        }
    }

    [Fact]
    public void Half_drained_queue_takes_new_items_up_to_the_bound_in_order()
    {
        const int capacity = 1_000;
        var queue = new MpscQueue<int>(capacity);
        var next = 0;
        var expected = 0;
        for (var step = 0; step < 50; step++)
        {
            while (queue.TryEnqueue(next))
            {
                next++;
            }

            Assert.Equal(capacity, queue.Count);
            for (var i = 0; i < 1 + (step * 37 % capacity); i++)
            {
                Assert.True(queue.TryDequeue(out var item));
                Assert.Equal(expected++, item);
            }
        }

        while (queue.TryDequeue(out var item))
        {
            Assert.Equal(expected++, item);
        }

        Assert.Equal(next, expected);
    }

    [Fact]
    public void A_queue_that_stays_short_keeps_its_first_ring()
    {
        var queue = new MpscQueue<object>(100_000);
        var item = new object();
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(queue.TryEnqueue(item));
            Assert.True(queue.TryEnqueue(item));
            Assert.True(queue.TryDequeue(out _));
            Assert.True(queue.TryDequeue(out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            queue.TryEnqueue(item);
            queue.TryDequeue(out _);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData(4_000_000, 4)]
    [InlineData(500, 4)]
    [InlineData(3, 3)]
    public async Task Many_producers_and_one_consumer_lose_nothing_and_keep_each_producers_order(int capacity, int producers)
    {
        const int each = 50_000;
        var queue = new MpscQueue<(int Producer, int Seq)>(capacity);
        var accepted = new int[producers];
        using var start = new Barrier(producers + 1);
        var producing = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++)
            {
                if (queue.TryEnqueue((p, i)))
                {
                    accepted[p]++;
                }
            }
        })).ToArray();

        var lastSeen = Enumerable.Repeat(-1, producers).ToArray();
        var taken = new int[producers];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var consuming = Task.Run(() =>
        {
            start.SignalAndWait();
            while (!deadline.IsCancellationRequested)
            {
                if (queue.TryDequeue(out var item))
                {
                    Assert.True(item.Seq > lastSeen[item.Producer], "a producer's items came out of order");
                    lastSeen[item.Producer] = item.Seq;
                    taken[item.Producer]++;
                }
                else if (producing.All(t => t.IsCompleted) && queue.IsEmpty)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(producing).WaitAsync(TimeSpan.FromSeconds(60));
        await consuming.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(accepted, taken);
        Assert.Equal(0, queue.Count);
        if (capacity >= producers * each)
        {
            Assert.All(accepted, a => Assert.Equal(each, a));
        }
    }

    [Fact]
    public void DropOldest_queue_hands_the_oldest_to_the_callback_when_full()
    {
        var displaced = new List<int>();
        var queue = new DropOldestQueue<int>(3, displaced.Add);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(queue.TryEnqueue(i));
        }

        Assert.Equal([0, 1], displaced);
        Assert.Equal(3, queue.Count);
        var left = new List<int>();
        while (queue.TryDequeue(out var item))
        {
            left.Add(item);
        }

        Assert.Equal([2, 3, 4], left);
        Assert.True(queue.IsEmpty);
    }
}
