using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class GroupWithinTests
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Groups_close_at_MaxCount_and_the_partial_last_group_is_flushed_on_completion()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, Enumerable.Range(1, 7));

        var pipeline = Source.From(source.Reader, Pipelines.Tight).GroupWithin(new GroupWithinOptions { MaxCount = 3, MaxWait = MaxWait }, time).ToReader();

        var groups = await Bounded.ReadToEndAsync(pipeline.Output, "all groups");
        Assert.Equal([[1, 2, 3], [4, 5, 6], [7]], groups.Select(g => g.ToArray()));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
    }

    [Fact]
    public async Task A_group_closes_MaxWait_after_its_first_element_however_small()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        var grouped = Source.From(source.Reader, Pipelines.Tight).GroupWithin(new GroupWithinOptions { MaxCount = 100, MaxWait = MaxWait }, time);
        var pipeline = grouped.ToReader();

        source.Writer.TryWrite(1);
        Assert.Equal(MaxWait, await time.NextTimerAsync("the window of group 1"));
        time.Advance(MaxWait - TimeSpan.FromTicks(1));
        Assert.False(pipeline.Output.TryRead(out _), "the group must stay open until MaxWait");
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([1], await Bounded.ReadAsync(pipeline.Output, "group 1 closed by time"));

        source.Writer.TryWrite(2);
        source.Writer.TryWrite(3);
        Assert.Equal(MaxWait, await time.NextTimerAsync("the window of group 2"));
        await Bounded.Until(() => grouped.Metrics.Received == 3, "the stage holds 2 and 3");
        time.Advance(MaxWait);
        Assert.Equal([2, 3], await Bounded.ReadAsync(pipeline.Output, "group 2 closed by time"));

        source.Writer.Complete();
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal(0, time.PendingTimers);
    }

    [Fact]
    public async Task An_upstream_failure_fails_the_output_and_drops_the_partial_group()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        var boom = new InvalidOperationException("sensor unplugged");
        source.Writer.TryWrite(1);
        source.Writer.Complete(boom);

        var pipeline = Source.From(source.Reader, Pipelines.Tight).GroupWithin(new GroupWithinOptions { MaxCount = 10, MaxWait = MaxWait }, time).ToReader();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.ReadToEndAsync(pipeline.Output, "the output to fail"));
        Assert.Same(boom, error);
    }
}
