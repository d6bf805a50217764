using System.Collections.Concurrent;
using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class ReorderTests
{
    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(1);

    private static (Pipeline<long> Pipeline, StageMetrics Metrics, ConcurrentQueue<SequenceGap> Gaps) Build(
        ObservedTime time, System.Threading.Channels.ChannelReader<long> source, int maxPending = 8, long? first = null)
    {
        var gaps = new ConcurrentQueue<SequenceGap>();
        var options = new ReorderOptions { MaxPending = maxPending, GapTimeout = GapTimeout, FirstSequence = first };
        var ordered = Source.From(source, Pipelines.Tight).ReorderBySequence(x => x, options, time, gaps.Enqueue);
        return (ordered.ToReader(), ordered.Metrics, gaps);
    }

    [Fact]
    public async Task Out_of_order_elements_are_emitted_in_sequence_order_without_gaps()
    {
        var source = Pipelines.Unbounded<long>();
        Pipelines.WriteAll(source.Writer, [1L, 3, 2, 5, 4, 6]);
        var (pipeline, metrics, gaps) = Build(new ObservedTime(), source.Reader);

        Assert.Equal([1L, 2, 3, 4, 5, 6], await Bounded.ReadToEndAsync(pipeline.Output, "the ordered output"));
        Assert.Empty(gaps);
        Assert.Equal(0, metrics.Gaps);
    }

    [Fact]
    public async Task A_missing_number_is_declared_a_gap_after_GapTimeout_and_a_late_arrival_is_dropped()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<long>();
        var (pipeline, metrics, gaps) = Build(time, source.Reader);

        Pipelines.WriteAll(source.Writer, [1L, 3, 4], complete: false);
        Assert.Equal(1L, await Bounded.ReadAsync(pipeline.Output, "element 1"));
        Assert.Equal(GapTimeout, await time.NextTimerAsync("the gap timer for 2"));
        await Bounded.Until(() => metrics.Received == 3, "3 and 4 are held");

        time.Advance(GapTimeout - TimeSpan.FromTicks(1));
        Assert.False(pipeline.Output.TryRead(out _), "held elements wait for the full timeout");
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(3L, await Bounded.ReadAsync(pipeline.Output, "element 3 after the gap"));
        Assert.Equal(4L, await Bounded.ReadAsync(pipeline.Output, "element 4 after the gap"));
        Assert.Equal([new SequenceGap(2, 2)], gaps);

        Pipelines.WriteAll(source.Writer, [2L, 5]);
        Assert.Equal([5L], await Bounded.ReadToEndAsync(pipeline.Output, "the rest"));
        Assert.Equal((1, 1, 1), (metrics.Gaps, metrics.Missing, metrics.Late));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal(0, time.PendingTimers);
    }

    [Fact]
    public async Task Reaching_MaxPending_declares_the_gap_at_once_without_waiting()
    {
        var source = Pipelines.Unbounded<long>();
        Pipelines.WriteAll(source.Writer, [1L, 4, 5, 6, 7], complete: false);
        var (pipeline, metrics, gaps) = Build(new ObservedTime(), source.Reader, maxPending: 2);

        Assert.Equal([1L, 4, 5, 6, 7], await ReadAsync(pipeline, 5));
        Assert.Equal([new SequenceGap(2, 3)], gaps);
        Assert.Equal(2, metrics.Missing);
        source.Writer.Complete();
        await Bounded.Within(pipeline.Completion, "pipeline completion");
    }

    [Fact]
    public async Task Completion_releases_held_elements_and_reports_their_gaps()
    {
        var source = Pipelines.Unbounded<long>();
        Pipelines.WriteAll(source.Writer, [10L, 13, 12, 15]);
        var (pipeline, _, gaps) = Build(new ObservedTime(), source.Reader, first: 10);

        Assert.Equal([10L, 12, 13, 15], await Bounded.ReadToEndAsync(pipeline.Output, "the ordered output"));
        Assert.Equal([new SequenceGap(11, 11), new SequenceGap(14, 14)], gaps);
    }

    [Fact]
    public async Task FirstSequence_holds_elements_until_the_expected_first_number_arrives()
    {
        var source = Pipelines.Unbounded<long>();
        Pipelines.WriteAll(source.Writer, [12L, 11, 10, 11]);
        var (pipeline, metrics, gaps) = Build(new ObservedTime(), source.Reader, first: 10);

        Assert.Equal([10L, 11, 12], await Bounded.ReadToEndAsync(pipeline.Output, "the ordered output"));
        Assert.Empty(gaps);
        Assert.Equal(1, metrics.Late);
    }

    private static async Task<List<long>> ReadAsync(Pipeline<long> pipeline, int count)
    {
        var items = new List<long>();
        for (var i = 0; i < count; i++)
        {
            items.Add(await Bounded.ReadAsync(pipeline.Output, $"ordered element #{i + 1}"));
        }

        return items;
    }
}
