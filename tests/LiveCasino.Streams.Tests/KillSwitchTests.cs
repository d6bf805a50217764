using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class KillSwitchTests
{
    [Fact]
    public async Task Shutdown_stops_reading_the_source_and_drains_what_is_inside()
    {
        var killSwitch = new KillSwitch();
        var source = Pipelines.Unbounded<int>();
        var sink = new SinkProbe<int>(open: false);
        var pipeline = Source.From(source.Reader, new PipelineOptions { StageCapacity = 8, KillSwitch = killSwitch })
            .Select(x => x)
            .ToSink(sink.Invoke);

        Pipelines.WriteAll(source.Writer, [1, 2, 3, 4, 5], complete: false);
        await Bounded.Until(() => pipeline.Stage("source").Received == 5, "the source has read all five");
        killSwitch.Shutdown();
        Pipelines.WriteAll(source.Writer, [6], complete: false);
        sink.Open();

        await Bounded.Within(pipeline.Completion, "completion after shutdown");
        Assert.Equal([1, 2, 3, 4, 5], sink.Accepted);
        Assert.True(source.Reader.TryRead(out var unread) && unread == 6, "the element after shutdown stays with the producer");
    }

    [Fact]
    public async Task Abort_stops_every_stage_at_once_and_fails_with_the_reason()
    {
        var killSwitch = new KillSwitch();
        var source = Pipelines.Unbounded<int>();
        var sink = new SinkProbe<int>(open: false);
        var pipeline = Source.From(source.Reader, new PipelineOptions { StageCapacity = 8, KillSwitch = killSwitch })
            .Select(x => x)
            .ToSink(sink.Invoke);
        Pipelines.WriteAll(source.Writer, [1, 2, 3], complete: false);
        await sink.NextCallAsync("element 1 at the held sink");

        var reason = new InvalidOperationException("operator pulled the plug");
        killSwitch.Abort(reason);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.Within(pipeline.Completion, "completion after abort"));
        Assert.Same(reason, error);
        Assert.Empty(sink.Accepted);
    }

    [Fact]
    public async Task One_switch_shuts_down_every_pipeline_it_was_given_to()
    {
        var killSwitch = new KillSwitch();
        var first = Source.From(Pipelines.Unbounded<int>().Reader, new PipelineOptions { KillSwitch = killSwitch }).ToSink((_, _) => ValueTask.CompletedTask);
        var second = Source.From(Pipelines.Unbounded<int>().Reader, new PipelineOptions { KillSwitch = killSwitch }).ToSink((_, _) => ValueTask.CompletedTask);

        killSwitch.Shutdown();

        await Bounded.Within(Task.WhenAll(first.Completion, second.Completion), "both pipelines to complete");
    }

    [Fact]
    public async Task A_switch_tripped_before_the_pipeline_started_still_stops_it()
    {
        var killSwitch = new KillSwitch();
        var reason = new InvalidOperationException("already aborted");
        killSwitch.Abort(reason);

        var pipeline = Source.From(Pipelines.Unbounded<int>().Reader, new PipelineOptions { KillSwitch = killSwitch }).ToSink((_, _) => ValueTask.CompletedTask);

        Assert.Same(reason, await Assert.ThrowsAsync<InvalidOperationException>(() => Bounded.Within(pipeline.Completion, "completion of a pre-aborted pipeline")));
    }
}
