using System.Collections.Concurrent;
using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class SinkRestartTests
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    private static RestartOptions NoJitter(int maxRestarts = 5, FailedElementPolicy policy = FailedElementPolicy.Retry) => new()
    {
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        RandomFactor = 0,
        MaxRestarts = maxRestarts,
        MaxRestartsWithin = TimeSpan.FromMinutes(1),
        FailedElement = policy,
    };

    [Fact]
    public async Task Without_a_restart_policy_the_first_sink_failure_fails_the_pipeline_with_that_error()
    {
        var boom = new InvalidOperationException("sink down");
        var sink = new SinkProbe<int> { FailWhen = (_, _) => boom };
        var source = Pipelines.Unbounded<int>();
        source.Writer.TryWrite(1);

        var pipeline = Source.From(source.Reader, Pipelines.Tight).ToSink(sink.Invoke);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.Within(pipeline.Completion, "completion after the sink failed"));
        Assert.Same(boom, error);
    }

    [Fact]
    public async Task Failed_batch_is_retried_after_exponential_backoffs_measured_on_fake_time()
    {
        var time = new ObservedTime();
        var attempts = new ConcurrentQueue<RestartAttempt>();
        var sink = new SinkProbe<IReadOnlyList<int>> { FailWhen = (_, attempt) => attempt <= 3 ? new IOException($"write {attempt} failed") : null };
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1, 2]);
        var restart = new RestartOptions
        {
            MinBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            OnRestart = attempts.Enqueue,
        };

        var pipeline = Source.From(source.Reader, Pipelines.Tight)
            .GroupWithin(new GroupWithinOptions { MaxCount = 2, MaxWait = TimeSpan.FromHours(1) }, time)
            .ToSink(sink.Invoke, restart, time, name: "store");

        foreach (var (expected, attempt) in new[] { (100, 1), (200, 2), (400, 3) })
        {
            // The group stage's one-hour windows are not backoffs.
            var due = await time.NextTimerAsync($"backoff {attempt}", d => d < TimeSpan.FromHours(1));
            Assert.Equal(TimeSpan.FromMilliseconds(expected), due);
            time.Advance(due - OneTick);
            Assert.Equal(attempt, sink.Attempts);
            time.Advance(OneTick);
        }

        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal([1, 2], Assert.Single(sink.Accepted));
        Assert.Equal(4, sink.Attempts);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        var store = pipeline.Stage("store");
        Assert.Equal((3, 3, 1), (store.Failures, store.Restarts, store.Emitted));
    }

    [Fact]
    public async Task Retry_limit_reached_fails_the_pipeline_with_the_sink_error()
    {
        var time = new ObservedTime();
        var last = new IOException("still down");
        var sink = new SinkProbe<int> { FailWhen = (_, attempt) => attempt == 3 ? last : new IOException("down") };
        var source = Pipelines.Unbounded<int>();
        source.Writer.TryWrite(1);

        var pipeline = Source.From(source.Reader, Pipelines.Tight).ToSink(sink.Invoke, NoJitter(maxRestarts: 2), time);

        time.Advance(await time.NextTimerAsync("backoff 1"));
        time.Advance(await time.NextTimerAsync("backoff 2"));

        var error = await Assert.ThrowsAsync<IOException>(() => Bounded.Within(pipeline.Completion, "completion after the last allowed restart"));
        Assert.Same(last, error);
        Assert.Equal(3, sink.Attempts);
    }

    [Fact]
    public async Task Restarts_older_than_the_window_no_longer_count_against_the_limit()
    {
        var time = new ObservedTime();
        var sink = new SinkProbe<int> { FailWhen = (_, attempt) => attempt is 1 or 3 ? new IOException("blip") : null };
        var source = Pipelines.Unbounded<int>();
        source.Writer.TryWrite(1);
        var options = new RestartOptions { MinBackoff = TimeSpan.FromMilliseconds(100), RandomFactor = 0, MaxRestarts = 1, MaxRestartsWithin = TimeSpan.FromSeconds(10) };

        var pipeline = Source.From(source.Reader, Pipelines.Tight).ToSink(sink.Invoke, options, time);
        time.Advance(await time.NextTimerAsync("backoff after the first blip"));
        await Bounded.Until(() => sink.Accepted.Count == 1, "element 1 is accepted");

        time.Advance(TimeSpan.FromSeconds(10));
        Pipelines.WriteAll(source.Writer, [2]);

        // The backoff starts again from MinBackoff: the success in between reset it.
        Assert.Equal(TimeSpan.FromMilliseconds(100), await time.NextTimerAsync("backoff after the second blip"));
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal([1, 2], sink.Accepted);
    }

    [Fact]
    public async Task Skip_policy_gives_up_on_the_failed_element_and_delivers_the_next()
    {
        var time = new ObservedTime();
        var sink = new SinkProbe<int> { FailWhen = (item, _) => item == 2 ? new IOException("poison") : null };
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1, 2, 3]);

        var pipeline = Source.From(source.Reader, Pipelines.Tight).ToSink(sink.Invoke, NoJitter(policy: FailedElementPolicy.Skip), time, name: "store");
        time.Advance(await time.NextTimerAsync("backoff after the poison element"));

        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal([1, 3], sink.Accepted);
        Assert.Equal(1, pipeline.Stage("store").Skipped);
    }

    [Fact]
    public async Task Jitter_comes_from_the_injected_random_and_MaxBackoff_caps_every_wait()
    {
        var time = new ObservedTime();
        var sink = new SinkProbe<int> { FailWhen = (_, attempt) => attempt <= 3 ? new IOException("down") : null };
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1]);
        var options = new RestartOptions
        {
            MinBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromMilliseconds(300),
            RandomFactor = 0.5,
            Random = new Random(42),
        };

        var pipeline = Source.From(source.Reader, Pipelines.Tight).ToSink(sink.Invoke, options, time);

        var same = new Random(42);
        foreach (var (baseMs, attempt) in new[] { (100, 1), (200, 2), (400, 3) })
        {
            var jitteredMs = Math.Floor(baseMs * (1 + (0.5 * same.NextDouble())));
            var expected = TimeSpan.FromMilliseconds(Math.Min(jitteredMs, 300));
            var due = await time.NextTimerAsync($"backoff {attempt}");
            Assert.Equal(expected, due);
            Assert.InRange(due, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
            time.Advance(due);
        }

        await Bounded.Within(pipeline.Completion, "pipeline completion");
    }
}
