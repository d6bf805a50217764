using System.Collections.Concurrent;
using System.Globalization;
using LiveCasino.Streams.Tests.Support;
using Xunit;

namespace LiveCasino.Streams.Tests;

public sealed class ValidateTests
{
    private static Validation<int> Parse(string raw) =>
        raw.Length == 0 ? Validation<int>.Invalid("empty")
        : int.Parse(raw, CultureInfo.InvariantCulture) is var n and >= 0 ? Validation<int>.Valid(n)
        : Validation<int>.Invalid("negative");

    [Fact]
    public async Task Malformed_inputs_are_counted_and_reported_and_the_pipeline_goes_on()
    {
        var source = Pipelines.Unbounded<string>();
        var rejections = new ConcurrentQueue<Rejection<string>>();
        Pipelines.WriteAll(source.Writer, ["1", "", "x", "-4", "2"]);

        var validated = Source.From(source.Reader, Pipelines.Tight).Validate(Parse, rejections.Enqueue);
        var pipeline = validated.ToReader();

        Assert.Equal([1, 2], await Bounded.ReadToEndAsync(pipeline.Output, "the validated output"));
        await Bounded.Within(pipeline.Completion, "pipeline completion");
        Assert.Equal(3, validated.Metrics.Rejected);
        Assert.Equal(["empty", "validator-threw", "negative"], rejections.Select(r => r.Reason));
        Assert.IsType<FormatException>(rejections.ElementAt(1).Error);
        Assert.Equal("x", rejections.ElementAt(1).Input);
    }

    [Fact]
    public async Task Stamp_records_the_receive_time_from_the_time_provider()
    {
        var time = new ObservedTime();
        var source = Pipelines.Unbounded<string>();
        Pipelines.WriteAll(source.Writer, ["a"]);

        var pipeline = Source.From(source.Reader, Pipelines.Tight).Stamp(time).ToReader();

        var stamped = await Bounded.ReadAsync(pipeline.Output, "the stamped element");
        Assert.Equal(new Stamped<string>("a", time.GetUtcNow()), stamped);
    }
}
