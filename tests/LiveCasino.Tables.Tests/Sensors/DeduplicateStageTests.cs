using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using LiveCasino.Tables.Sensors.Stages;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace LiveCasino.Tables.Tests.Sensors;

/// <summary>The de-duplication GraphStage between Akka.Streams test probes, on fake time.</summary>
public sealed class DeduplicateStageTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private int _duplicates;

    private (TestPublisher.Probe<string> In, TestSubscriber.Probe<string> Out) Run(int maxKeys = 100)
    {
        var stage = new DeduplicateStage<string, string>(x => x, Window, maxKeys, _time, _ => Interlocked.Increment(ref _duplicates));
        var (input, output) = this.SourceProbe<string>().Via(stage).ToMaterialized(this.SinkProbe<string>(), Keep.Both).Run(Sys.Materializer());
        output.EnsureSubscription();
        output.Request(100);
        return (input, output);
    }

    [Fact]
    public void A_key_repeated_within_the_window_passes_once()
    {
        var (input, output) = Run();
        input.SendNext("a").SendNext("b").SendNext("a").SendNext("c");
        Assert.Equal(["a", "b", "c"], output.ExpectNextN(3));
        Assert.Equal(1, Volatile.Read(ref _duplicates));
    }

    [Fact]
    public void A_key_passes_again_once_the_window_from_its_first_sighting_has_expired()
    {
        var (input, output) = Run();
        input.SendNext("a");
        Assert.Equal("a", output.ExpectNext());
        _time.Advance(Window - TimeSpan.FromTicks(1));
        input.SendNext("a").SendNext("b");
        Assert.Equal("b", output.ExpectNext());
        _time.Advance(TimeSpan.FromTicks(1));
        input.SendNext("a");
        Assert.Equal("a", output.ExpectNext());
    }

    [Fact]
    public void At_the_key_limit_the_oldest_key_is_forgotten_early()
    {
        var (input, output) = Run(maxKeys: 2);
        input.SendNext("a").SendNext("b").SendNext("c").SendNext("a").SendNext("c");
        Assert.Equal(["a", "b", "c", "a"], output.ExpectNextN(4));
        Assert.Equal(1, Volatile.Read(ref _duplicates));
    }

    [Fact]
    public void Completion_and_failure_pass_through()
    {
        var (input, output) = Run();
        input.SendNext("a").SendComplete();
        Assert.Equal("a", output.ExpectNext());
        output.ExpectComplete();

        var (failing, failed) = Run();
        var boom = new InvalidOperationException("sensor link lost");
        failing.SendError(boom);
        Assert.Same(boom, failed.ExpectError());
    }
}
