using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class ThrottleTests
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task Shape_mode_lets_a_burst_through_then_one_element_per_interval_on_fake_time()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1, 2, 3, 4]);
        var options = new ThrottleOptions { Elements = 2, Per = TimeSpan.FromSeconds(1), MaximumBurst = 2, Mode = ThrottleMode.Shape };

        var pipeline = Source.From(source.Reader, Pipelines.Tight).Throttle(options, time).ToReader();

        Assert.Equal(1, await Bounded.ReadAsync(pipeline.Output, "burst element 1"));
        Assert.Equal(2, await Bounded.ReadAsync(pipeline.Output, "burst element 2"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), await time.NextTimerAsync("throttle wait for element 3"));

        time.Advance(TimeSpan.FromMilliseconds(500) - OneTick);
        Assert.False(pipeline.Output.TryRead(out _), "nothing may pass before the interval");
        time.Advance(OneTick);
        Assert.Equal(3, await Bounded.ReadAsync(pipeline.Output, "element 3 after one interval"));

        Assert.Equal(TimeSpan.FromMilliseconds(500), await time.NextTimerAsync("throttle wait for element 4"));
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(4, await Bounded.ReadAsync(pipeline.Output, "element 4 after a second interval"));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
    }

    [Fact]
    public async Task An_interval_of_a_fraction_of_a_millisecond_rounds_waits_up_and_keeps_the_average_rate()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1, 2, 3]);

        // 3 per second: 333.33 ms between tokens, which a millisecond timer cannot wait exactly.
        var pipeline = Source.From(source.Reader, Pipelines.Tight)
            .Throttle(new ThrottleOptions { Elements = 3, Per = TimeSpan.FromSeconds(1), MaximumBurst = 1 }, time)
            .ToReader();

        Assert.Equal(1, await Bounded.ReadAsync(pipeline.Output, "element 1"));
        Assert.Equal(TimeSpan.FromMilliseconds(334), await time.NextTimerAsync("wait for element 2, rounded up"));
        time.Advance(TimeSpan.FromMilliseconds(334));
        Assert.Equal(2, await Bounded.ReadAsync(pipeline.Output, "element 2"));

        // The 0.67 ms served beyond the first interval counts toward the second.
        Assert.Equal(TimeSpan.FromMilliseconds(333), await time.NextTimerAsync("wait for element 3"));
        time.Advance(TimeSpan.FromMilliseconds(333));
        Assert.Equal(3, await Bounded.ReadAsync(pipeline.Output, "element 3"));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
    }

    [Fact]
    public async Task Drop_mode_discards_elements_above_the_rate_and_counts_them()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1, 2, 3], complete: false);
        var throttled = Source.From(source.Reader, Pipelines.Tight)
            .Throttle(new ThrottleOptions { Elements = 1, Per = TimeSpan.FromSeconds(1), MaximumBurst = 1, Mode = ThrottleMode.Drop }, time);
        var pipeline = throttled.ToReader();

        Assert.Equal(1, await Bounded.ReadAsync(pipeline.Output, "the first element"));
        await Bounded.Until(() => throttled.Metrics.Dropped == 2, "the throttle has dropped 2 and 3");

        time.Advance(TimeSpan.FromSeconds(1));
        Pipelines.WriteAll(source.Writer, [4]);
        Assert.Equal(4, await Bounded.ReadAsync(pipeline.Output, "element 4 a full interval later"));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal(0, time.PendingTimers);
    }

    [Fact]
    public async Task Cancellation_while_the_throttle_waits_ends_the_pipeline_and_leaves_no_timer()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<int>();
        using var cts = new CancellationTokenSource();
        Pipelines.WriteAll(source.Writer, [1, 2], complete: false);
        var pipeline = Source.From(source.Reader, Pipelines.Tight, cts.Token)
            .Throttle(new ThrottleOptions { Elements = 1, Per = TimeSpan.FromHours(1) }, time)
            .ToReader();

        Assert.Equal(1, await Bounded.ReadAsync(pipeline.Output, "the first element"));
        await time.NextTimerAsync("the throttle wait for element 2");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pipeline.Completion, "completion after cancel"));
        Assert.Equal(0, time.PendingTimers);
    }
}
