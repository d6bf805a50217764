using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class FlowCompletionTests
{
    [Fact]
    public async Task Elements_pass_in_order_and_completion_succeeds_when_the_source_completes()
    {
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, Enumerable.Range(1, 50));

        var pipeline = Source.From(source.Reader, Pipelines.Tight).Select(x => x * 10).Where(x => x % 20 == 0).ToReader();

        var output = await Bounded.ReadToEndAsync(pipeline.Output, "the output to complete");
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal(Enumerable.Range(1, 50).Where(x => x % 2 == 0).Select(x => x * 10), output);
        Assert.Equal(25, pipeline.Stage("where#2").Dropped);
        Assert.Equal(50, pipeline.Stage("source").Received);
    }

    [Fact]
    public async Task Source_error_fails_completion_and_the_output_with_that_same_error()
    {
        var source = Pipelines.Unbounded<int>();
        var boom = new InvalidOperationException("device link lost");
        source.Writer.TryWrite(1);
        source.Writer.Complete(boom);

        var pipeline = Source.From(source.Reader, Pipelines.Tight).Select(x => x + 1).ToReader();

        var fromOutput = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.ReadToEndAsync(pipeline.Output, "the output to fail"));
        var fromCompletion = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.Within(pipeline.Completion, "pipeline completion"));
        Assert.Same(boom, fromOutput);
        Assert.Same(boom, fromCompletion);
    }

    [Fact]
    public async Task Throwing_selector_fails_the_pipeline_and_stops_every_stage_upstream_and_downstream()
    {
        var source = Pipelines.Unbounded<int>();
        var sink = new SinkProbe<int>();
        var bug = new InvalidOperationException("selector bug");
        source.Writer.TryWrite(1);
        source.Writer.TryWrite(2);

        // The producer never completes: only the failure can end this pipeline.
        var pipeline = Source.From(source.Reader, Pipelines.Tight)
            .Select(x => x == 2 ? throw bug : x)
            .ToSink(sink.Invoke);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.Within(pipeline.Completion, "pipeline completion after the selector threw"));
        Assert.Same(bug, error);
        Assert.DoesNotContain(2, sink.Accepted);
    }

    [Fact]
    public async Task Cancellation_ends_an_idle_pipeline_as_cancelled()
    {
        var source = Pipelines.Unbounded<int>();
        using var cts = new CancellationTokenSource();
        var sink = new SinkProbe<int>();
        var pipeline = Source.From(source.Reader, Pipelines.Tight, cts.Token).Select(x => x).ToSink(sink.Invoke);

        source.Writer.TryWrite(7);
        Assert.Equal(7, await sink.NextCallAsync("the only element"));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pipeline.Completion, "completion after cancel"));
        Assert.True(pipeline.Completion.IsCanceled);
    }

    [Fact]
    public async Task Cancellation_ends_the_pipeline_even_when_the_sink_ignores_its_token()
    {
        var source = Pipelines.Unbounded<int>();
        using var cts = new CancellationTokenSource();
        var neverReturns = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = Source.From(source.Reader, Pipelines.Tight, cts.Token).ToSink(async (_, _) =>
        {
            called.TrySetResult();
            await neverReturns.Task;
        });

        source.Writer.TryWrite(1);
        await Bounded.Within(called.Task, "the stubborn sink to be called");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pipeline.Completion, "completion despite a stuck sink"));
        neverReturns.SetResult();
    }

    [Fact]
    public async Task Failure_of_an_abandoned_sink_call_is_observed_not_left_unobserved()
    {
        const string Marker = "late failure of an abandoned sink call";
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x.Message == Marker))
            {
                Interlocked.Increment(ref unobserved);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await RunAndAbandonFailingSink(Marker);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Equal(0, Volatile.Read(ref unobserved));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public async Task A_failed_pipeline_leaves_no_unobserved_task_exception_even_if_nobody_awaits_it()
    {
        const string Marker = "failure nobody awaited";
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            if (e.Exception.Flatten().InnerExceptions.Any(x => x.Message == Marker))
            {
                Interlocked.Increment(ref unobserved);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var stopped = await RunFailingPipelineWithoutObservingIt(Marker);
            await Bounded.Until(() => stopped.IsCompleted, "the failing pipeline has stopped");
            stopped = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Equal(0, Volatile.Read(ref unobserved));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public void A_flow_feeds_only_one_stage()
    {
        var flow = Source.From(Pipelines.Unbounded<int>().Reader);
        _ = flow.Select(x => x);

        Assert.Throws<InvalidOperationException>(() => flow.Where(_ => true));
    }

    [Fact]
    public void Stage_names_must_be_unique_within_a_pipeline()
    {
        var flow = Source.From(Pipelines.Unbounded<int>().Reader).Select(x => x, name: "parse");

        Assert.Throws<ArgumentException>(() => flow.Select(x => x, name: "parse"));
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_stage_is_added()
    {
        var time = new ObservedTime();
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader, new PipelineOptions { StageCapacity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader).Buffer(new BufferOptions { Capacity = BufferOptions.CapacityMax + 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader).Deduplicate(x => x, new DeduplicateOptions { Window = TimeSpan.Zero }, time));
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader).Throttle(new ThrottleOptions { Elements = 0 }, time));
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader).GroupWithin(new GroupWithinOptions { MaxCount = 0 }, time));
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader).ReorderBySequence(x => x, new ReorderOptions { MaxPending = 0 }, time));
        Assert.Throws<ArgumentOutOfRangeException>(() => Source.From(Pipelines.Unbounded<int>().Reader).ToSink((_, _) => ValueTask.CompletedTask, new RestartOptions { MaxBackoff = TimeSpan.FromMilliseconds(1), MinBackoff = TimeSpan.FromSeconds(1) }, time));
    }

    private static async Task<Task> RunFailingPipelineWithoutObservingIt(string marker)
    {
        var source = Pipelines.Unbounded<int>();
        Pipelines.WriteAll(source.Writer, [1, 2, 3]);
        var sink = new SinkProbe<int>();
        var pipeline = Source.From(source.Reader, Pipelines.Tight)
            .Select(x => x == 2 ? throw new InvalidOperationException(marker) : x)
            .Where(_ => true)
            .ToSink(sink.Invoke);
        await Task.Yield();

        // Only a view of the state escapes; the faulted tasks themselves are never awaited.
        return pipeline.Completion.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private static async Task RunAndAbandonFailingSink(string marker)
    {
        var source = Pipelines.Unbounded<int>();
        using var cts = new CancellationTokenSource();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failedLate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = Source.From(source.Reader, Pipelines.Tight, cts.Token).ToSink(async (_, _) =>
        {
            called.TrySetResult();
            try
            {
                await release.Task;
                throw new InvalidOperationException(marker);
            }
            finally
            {
                failedLate.TrySetResult();
            }
        });

        source.Writer.TryWrite(1);
        await Bounded.Within(called.Task, "the sink to be called");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pipeline.Completion, "completion after cancel"));
        release.SetResult();
        await Bounded.Within(failedLate.Task, "the abandoned sink call to fail");
    }
}
