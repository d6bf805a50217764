using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class DeduplicateTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_key_repeated_within_the_window_passes_once()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<string>();
        Pipelines.WriteAll(source.Writer, ["A", "A", "B", "A", "B"]);

        var deduplicated = Source.From(source.Reader, Pipelines.Tight).Deduplicate(x => x, new DeduplicateOptions { Window = Window }, time);
        var pipeline = deduplicated.ToReader();

        Assert.Equal(["A", "B"], await Bounded.ReadToEndAsync(pipeline.Output, "the de-duplicated output"));
        Assert.Equal(3, deduplicated.Metrics.Duplicates);
    }

    [Fact]
    public async Task A_key_passes_again_once_the_window_from_its_first_sighting_has_expired()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<string>();
        var deduplicated = Source.From(source.Reader, Pipelines.Tight).Deduplicate(x => x, new DeduplicateOptions { Window = Window }, time);
        var pipeline = deduplicated.ToReader();

        source.Writer.TryWrite("A");
        Assert.Equal("A", await Bounded.ReadAsync(pipeline.Output, "first A"));

        time.Advance(Window - TimeSpan.FromTicks(1));
        source.Writer.TryWrite("A");
        source.Writer.TryWrite("marker-1");

        // The marker passing proves the A before it was judged, at window minus one tick.
        Assert.Equal("marker-1", await Bounded.ReadAsync(pipeline.Output, "marker-1 after the suppressed A"));

        time.Advance(TimeSpan.FromTicks(1));
        source.Writer.TryWrite("A");
        Assert.Equal("A", await Bounded.ReadAsync(pipeline.Output, "A after the window expired"));
        Assert.Equal(1, deduplicated.Metrics.Duplicates);
        source.Writer.Complete();
        await Bounded.Within(pipeline.Completion, "pipeline completion");
    }

    [Fact]
    public async Task When_MaxKeys_is_reached_the_oldest_key_is_forgotten_early()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<string>();
        Pipelines.WriteAll(source.Writer, ["A", "B", "C", "A", "C"]);

        var deduplicated = Source.From(source.Reader, Pipelines.Tight).Deduplicate(x => x, new DeduplicateOptions { Window = Window, MaxKeys = 2 }, time);
        var pipeline = deduplicated.ToReader();

        Assert.Equal(["A", "B", "C", "A"], await Bounded.ReadToEndAsync(pipeline.Output, "the de-duplicated output"));
        Assert.Equal(1, deduplicated.Metrics.Duplicates);
    }
}
