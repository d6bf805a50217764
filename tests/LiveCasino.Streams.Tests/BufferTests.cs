using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class BufferTests
{
    private const int BufferCapacity = 3;

    /// <summary>
    /// Holds the sink on element 0, then pushes 1..20 behind it: the buffer sees 20 elements
    /// with room for 3, whatever the thread timing.
    /// </summary>
    private static async Task<(Pipeline Pipeline, SinkProbe<int> Sink, StageMetrics Buffer)> FloodBehindAHeldSink(OverflowPolicy policy)
    {
        var source = Pipelines.Unbounded<int>();
        var sink = new SinkProbe<int>(open: false);
        var buffered = Source.From(source.Reader, Pipelines.Tight).Buffer(new BufferOptions { Capacity = BufferCapacity, OverflowPolicy = policy });
        var pipeline = buffered.ToSink(sink.Invoke);

        source.Writer.TryWrite(0);
        Assert.Equal(0, await sink.NextCallAsync("element 0 reaching the held sink"));
        Pipelines.WriteAll(source.Writer, Enumerable.Range(1, 20));
        return (pipeline, sink, buffered.Metrics);
    }

    [Fact]
    public async Task DropOldest_keeps_the_newest_elements_and_counts_the_dropped()
    {
        var (pipeline, sink, buffer) = await FloodBehindAHeldSink(OverflowPolicy.DropOldest);
        await Bounded.Until(() => buffer.Dropped == 17, "the buffer has dropped 17 elements");

        sink.Open();
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal([0, 18, 19, 20], sink.Accepted);
        Assert.Equal(17, buffer.Dropped);
    }

    [Fact]
    public async Task DropNewest_keeps_the_buffered_elements_and_counts_the_arrivals_dropped()
    {
        var (pipeline, sink, buffer) = await FloodBehindAHeldSink(OverflowPolicy.DropNewest);
        await Bounded.Until(() => buffer.Dropped == 17, "the buffer has dropped 17 elements");

        sink.Open();
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal([0, 1, 2, 3], sink.Accepted);
    }

    [Fact]
    public async Task Fail_policy_fails_the_pipeline_with_BufferOverflowException_when_full()
    {
        var (pipeline, sink, _) = await FloodBehindAHeldSink(OverflowPolicy.Fail);

        await Assert.ThrowsAsync<BufferOverflowException>(() => Bounded.Within(pipeline.Completion, "completion after the overflow"));
        Assert.Empty(sink.Accepted);
    }

    [Fact]
    public async Task Backpressure_policy_loses_nothing_and_holds_the_producer_within_the_bounds()
    {
        var source = Pipelines.BoundedChannel<int>(2);
        var sink = new SinkProbe<int>(open: false);
        var buffered = Source.From(source.Reader, Pipelines.Tight).Buffer(new BufferOptions { Capacity = BufferCapacity, OverflowPolicy = OverflowPolicy.Backpressure });
        var pipeline = buffered.ToSink(sink.Invoke);

        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await source.Writer.WriteAsync(i);
            }

            source.Writer.Complete();
        });

        // Everything is full: producer channel (2), source link (1), buffer (3), and one element
        // held by each of the source pump, buffer pump and sink. The producer must be stuck.
        await Bounded.Until(() => source.Reader.Count == 2 && buffered.Metrics.Emitted == 1 + BufferCapacity, "every link is full");
        Assert.False(producer.IsCompleted);
        Assert.True(pipeline.Stage("source").Received <= 2 + 1 + BufferCapacity + 3);

        sink.Open();
        await Bounded.Within(producer, "the producer to finish once the sink moves");
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal(Enumerable.Range(0, 100), sink.Accepted);
        Assert.Equal(0, buffered.Metrics.Dropped);
    }

    [Fact]
    public async Task Slow_consumer_behind_a_drop_buffer_never_blocks_the_producer()
    {
        var source = Pipelines.BoundedChannel<int>(1);
        var sink = new SinkProbe<int>(open: false);
        var buffered = Source.From(source.Reader, Pipelines.Tight).Buffer(new BufferOptions { Capacity = 8, OverflowPolicy = OverflowPolicy.DropOldest });
        var pipeline = buffered.ToSink(sink.Invoke);

        for (var i = 0; i < 1_000; i++)
        {
            await Bounded.Within(source.Writer.WriteAsync(i).AsTask(), $"producer write {i} while the sink is held");
        }

        source.Writer.Complete();
        await Bounded.Until(() => buffered.Metrics.Received == 1_000, "the buffer has read all 1000");
        sink.Open();
        await Bounded.Within(pipeline.Completion, "pipeline completion");

        Assert.Equal(1_000, sink.Accepted.Count + buffered.Metrics.Dropped);
        Assert.Equal(999, sink.Accepted[^1]);
        Assert.True(sink.Accepted.Count <= 8 + 2, "at most the buffer plus the elements in flight reach the sink");
    }
}
