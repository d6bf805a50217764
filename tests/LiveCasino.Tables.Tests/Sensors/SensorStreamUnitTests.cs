using System.Collections.Concurrent;
using System.Threading.Channels;
using Akka.Streams;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Sensors;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace LiveCasino.Tables.Tests.Sensors;

/// <summary>
/// The sensor stream against a recording target (no table): stamping, bounded intake with
/// backpressure, the kill switch, refusals, and a restart of the stages after a failure.
/// </summary>
public sealed class SensorStreamUnitTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private static readonly long T0 = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 1, TimeSpan.Zero));
    private readonly ConcurrentQueue<(SensorReading Reading, DateTimeOffset At)> _delivered = new();
    private readonly ConcurrentQueue<string> _rejected = new();

    private static string Line(long seq, string card) => $"{seq}|{T0 + seq}|shoe|{card}";

    private SensorTarget Target(Func<SensorReading, Task<ReadingAck>>? answer = null, Action<string, string>? rejected = null) => new(
        async (reading, at, _, _) =>
        {
            var ack = answer is null ? ReadingAck.Accepted : await answer(reading);
            _delivered.Enqueue((reading, at));
            return ack;
        },
        rejected ?? ((input, reason) => _rejected.Enqueue(reason)),
        _ => { });

    private SensorStream Start(ChannelReader<string> input, SensorTarget target, SensorStreamOptions? options = null) =>
        SensorStream.Start(input, target, options ?? new SensorStreamOptions(), _time, Sys.Materializer());

    [Fact]
    public async Task Readings_reach_the_target_in_order_stamped_with_the_server_clock()
    {
        var lines = Channel.CreateUnbounded<string>();
        var stream = Start(lines.Reader, Target());
        foreach (var line in new[] { Line(2, "3C"), Line(1, "2H"), "nonsense", Line(3, "4D") })
        {
            await lines.Writer.WriteAsync(line);
        }

        lines.Writer.Complete();
        await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1L, 2, 3], _delivered.Select(d => d.Reading.Sequence));
        Assert.All(_delivered, d => Assert.Equal(_time.GetUtcNow(), d.At));
        Assert.Equal(["field-count"], _rejected);
        Assert.Equal((3L, 1L), (stream.Counters.Accepted, stream.Counters.Malformed));
    }

    [Fact]
    public async Task When_the_table_is_slow_the_intake_fills_and_the_writer_is_held_back()
    {
        var gate = new TaskCompletionSource<ReadingAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = Channel.CreateBounded<string>(4);
        var stream = Start(lines.Reader, Target(_ => gate.Task), new SensorStreamOptions { IntakeCapacity = 8 });

        // The first reading waits for an answer; behind it the intake and the channel fill, and then
        // a write waits. Each write is given half a second, on real time, to show that it is held.
        var written = 0;
        Task pending;
        while (true)
        {
            pending = lines.Writer.WriteAsync(Line(written + 1, Games.Cards.Card.FromIndex(written % 52).ToString())).AsTask(); // distinct cards: no repeats dropped
            try
            {
                await pending.WaitAsync(TimeSpan.FromMilliseconds(500));
            }
            catch (TimeoutException)
            {
                break;
            }

            written++;
            Assert.True(written < 52, "the writer was never held back: the intake is not bounded");
        }

        Assert.InRange(written, 4 + 8, 51);
        Assert.Empty(_delivered);

        gate.SetResult(ReadingAck.Accepted);
        await pending;
        lines.Writer.Complete();
        await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(written + 1, _delivered.Count);
    }

    [Fact]
    public async Task Stop_ends_the_stream_and_later_lines_are_not_delivered()
    {
        var lines = Channel.CreateUnbounded<string>();
        var stream = Start(lines.Reader, Target());
        await lines.Writer.WriteAsync(Line(1, "2H"));
        await AwaitConditionAsync(() => Task.FromResult(_delivered.Count == 1), TimeSpan.FromSeconds(10));
        stream.Stop();
        await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        await lines.Writer.WriteAsync(Line(2, "3C"));
        await Task.Yield();
        Assert.Single(_delivered);
    }

    [Fact]
    public async Task A_refused_reading_is_counted_and_not_sent_again()
    {
        var lines = Channel.CreateUnbounded<string>();
        var stream = Start(lines.Reader, Target(r => Task.FromResult(r.Sequence == 1 ? ReadingAck.Refused : ReadingAck.Accepted)));
        await lines.Writer.WriteAsync(Line(1, "2H"));
        await lines.Writer.WriteAsync(Line(2, "3C"));
        lines.Writer.Complete();
        await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1L, 2], _delivered.Select(d => d.Reading.Sequence));
        Assert.Equal((1L, 1L, 0L), (stream.Counters.Refused, stream.Counters.Accepted, stream.Counters.Retries));
    }

    [Fact]
    public async Task A_failing_stage_restarts_with_backoff_and_later_lines_still_flow()
    {
        var failures = 0;
        var lines = Channel.CreateUnbounded<string>();
        var target = Target(rejected: (_, _) =>
        {
            if (Interlocked.Increment(ref failures) == 1)
            {
                throw new InvalidOperationException("the report failed");
            }
        });
        var stream = Start(lines.Reader, target, new SensorStreamOptions { FirstSequence = null, Backoff = new SensorBackoff { MinBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50) } });
        await lines.Writer.WriteAsync("bad line");
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref failures) == 1), TimeSpan.FromSeconds(10));

        // Elements inside the failed stages are lost with them; lines still in the channel are read by the restarted stages.
        await lines.Writer.WriteAsync(Line(7, "2H"));
        await AwaitConditionAsync(() => Task.FromResult(_delivered.Count == 1), TimeSpan.FromSeconds(10));
        Assert.Equal(7, _delivered.Single().Reading.Sequence);
        stream.Stop();
        await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_setting()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SensorStreamOptions { IntakeCapacity = 0 }.Validate());
        Assert.Equal(nameof(SensorStreamOptions.IntakeCapacity), ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SensorStreamOptions { Backoff = new SensorBackoff { RandomFactor = 2 } }.Validate());
    }

    [Fact]
    public void Backoff_doubles_from_the_minimum_and_stops_at_the_maximum()
    {
        var backoff = new SensorBackoff { MinBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0.5 };
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Delay(1, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), backoff.Delay(3, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(600), backoff.Delay(3, 1));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Delay(40, 0));
    }
}
