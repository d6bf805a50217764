using System.Collections.Concurrent;
using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

/// <summary>The composed pipeline of docs/streams.md, end to end.</summary>
public sealed class SensorPipelineTests
{
    [Fact]
    public async Task Raw_readings_are_validated_deduplicated_ordered_stamped_batched_and_stored_despite_a_sink_failure()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<string>();
        var rejected = new ConcurrentQueue<Rejection<string>>();
        var gaps = new ConcurrentQueue<SequenceGap>();
        var store = new SinkProbe<IReadOnlyList<Stamped<SensorReading>>> { FailWhen = (_, attempt) => attempt == 1 ? new IOException("store unavailable") : null };

        var pipeline = Source.From(source.Reader, new PipelineOptions { StageCapacity = 4 })
            .Buffer(new BufferOptions { Capacity = 64, OverflowPolicy = OverflowPolicy.DropOldest }, name: "intake")
            .Validate(SensorReading.Parse, rejected.Enqueue, name: "parse")
            .Deduplicate(r => r.Sequence, new DeduplicateOptions { Window = TimeSpan.FromSeconds(2), MaxKeys = 1_024 }, time, name: "dedup")
            .ReorderBySequence(r => r.Sequence, new ReorderOptions { MaxPending = 16, GapTimeout = TimeSpan.FromSeconds(1), FirstSequence = 1 }, time, gaps.Enqueue, name: "order")
            .Stamp(time, name: "stamp")
            .GroupWithin(new GroupWithinOptions { MaxCount = 3, MaxWait = TimeSpan.FromMilliseconds(500) }, time, name: "batch")
            .ToSink(store.Invoke, new RestartOptions { MinBackoff = TimeSpan.FromMilliseconds(100), RandomFactor = 0 }, time, name: "store");

        // 2 and 1 swapped, 3 read twice, one garbage line, 5 never sent.
        Pipelines.WriteAll(source.Writer, ["2|1000|K", "1|1000|Q", "garbage", "3|1001|7", "3|1001|7", "4|1002|A", "6|1004|9"]);

        // Batch [1,2,3] fails once and is retried after 100 ms.
        // Other timers (gap timeout 1 s, batch window 500 ms) may be armed meanwhile.
        Assert.Equal(TimeSpan.FromMilliseconds(100), await time.NextTimerAsync("the store's backoff", d => d < TimeSpan.FromMilliseconds(500)));
        await Bounded.Until(() => pipeline.Stage("stamp").Emitted == 5, "all five readings are stamped");
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Bounded.Within(pipeline.Completion, "pipeline completion");

        var stored = store.Accepted.SelectMany(batch => batch).ToList();
        Assert.Equal([1L, 2, 3, 4, 6], stored.Select(s => s.Value.Sequence));
        Assert.All(stored, s => Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), s.ReceivedAt));
        Assert.Equal([new SequenceGap(5, 5)], gaps);
        Assert.Equal("field-count", Assert.Single(rejected).Reason);
        Assert.Equal(1, pipeline.Stage("dedup").Duplicates);
        Assert.Equal((1, 1), (pipeline.Stage("store").Failures, pipeline.Stage("store").Restarts));
    }
}
