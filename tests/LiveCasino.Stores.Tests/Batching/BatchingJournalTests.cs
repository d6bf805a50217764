using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Tests.Support;
using Xunit;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Batching;

/// <summary>The group-commit decorator on its own: batching limits, failure fan-out, disposal.</summary>
public sealed class BatchingJournalTests
{
    [Fact]
    public async Task Queued_calls_are_stored_in_batches_within_the_limits_and_in_order()
    {
        var inner = new GatedJournal(new InMemoryJournal(TestSerializer.Create()));
        await using var batching = new BatchingJournal(inner, new BatchingJournalOptions { MaxBatchWrites = 4, MaxBatchEvents = 100 });
        var first = batching.WriteAsync([Write("p", 1)], CancellationToken.None);
        await inner.Entered.WaitAsync(Within.Limit);
        var rest = Enumerable.Range(2, 9).Select(nr => batching.WriteAsync([Write("p", nr)], CancellationToken.None)).ToList();
        inner.Open();
        await Task.WhenAll(rest.Prepend(first)).Await("batching: all writes of p");

        Assert.Equal(new[] { 1, 4, 4, 1 }, inner.BatchSizes);
        Assert.Equal(Range(1, 10), (await batching.ReplayAsync("p", 1, long.MaxValue, long.MaxValue, CancellationToken.None).ToListAsync("replaying p")).Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task A_call_larger_than_the_event_limit_goes_alone()
    {
        var inner = new GatedJournal(new InMemoryJournal(TestSerializer.Create()));
        inner.Open();
        await using var batching = new BatchingJournal(inner, new BatchingJournalOptions { MaxBatchEvents = 2 });
        var results = await batching.WriteAsync([WriteRange("big", 1, 5)], CancellationToken.None).Await("writing 5 events of big");
        Assert.Equal(WriteStatus.Written, Assert.Single(results).Status);
    }

    [Fact]
    public async Task Each_caller_gets_its_own_results()
    {
        await using var batching = new BatchingJournal(new InMemoryJournal(TestSerializer.Create()), new BatchingJournalOptions());
        var ok = batching.WriteAsync([Write("a", 1), Write("a", 2, new NotRegistered("x"))], CancellationToken.None);
        var conflict = batching.WriteAsync([Write("a", 1)], CancellationToken.None);
        Assert.Equal(new[] { WriteStatus.Written, WriteStatus.Rejected }, (await ok.Await("writing a")).Select(r => r.Status));
        Assert.Equal(WriteStatus.Failed, Assert.Single(await conflict.Await("writing a again")).Status);
    }

    [Fact]
    public async Task Inner_failure_reaches_every_caller_of_the_batch()
    {
        var inner = new GatedJournal(new InMemoryJournal(TestSerializer.Create())) { Failure = new InvalidOperationException("disk on fire") };
        await using var batching = new BatchingJournal(inner, new BatchingJournalOptions());
        var calls = Enumerable.Range(1, 5).Select(nr => batching.WriteAsync([Write($"p{nr}", 1)], CancellationToken.None)).ToList();
        inner.Open();
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => call.Await("a failing batch"));
            Assert.Equal("disk on fire", ex.Message);
        }
    }

    [Fact]
    public async Task Dispose_stores_what_is_queued_and_refuses_new_writes()
    {
        var inner = new GatedJournal(new InMemoryJournal(TestSerializer.Create()));
        var batching = new BatchingJournal(inner, new BatchingJournalOptions { DisposeInner = false });
        var first = batching.WriteAsync([Write("d", 1)], CancellationToken.None);
        await inner.Entered.WaitAsync(Within.Limit);
        var queued = batching.WriteAsync([Write("d", 2)], CancellationToken.None);
        var disposing = batching.DisposeAsync().AsTask();
        var late = batching.WriteAsync([Write("d", 3)], CancellationToken.None);
        inner.Open();
        await disposing.Await("disposing the batching journal");

        Assert.Equal(WriteStatus.Written, Assert.Single(await first.Await("first write")).Status);
        Assert.Equal(WriteStatus.Written, Assert.Single(await queued.Await("queued write")).Status);
        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => late.Await("write after dispose"));
        Assert.Contains("disposed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchingJournalOptions { QueueCapacity = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchingJournalOptions { MaxBatchWrites = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchingJournalOptions { MaxBatchEvents = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchingJournalOptions { QueueCapacity = BatchingJournalOptions.QueueCapacityMax + 1 }.Validate());
    }

    private static long[] Range(long from, long to) => Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).ToArray();
}
