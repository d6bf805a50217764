using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using LiveCasino.Tables.Sensors;
using LiveCasino.Tables.Sensors.Stages;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace LiveCasino.Tables.Tests.Sensors;

/// <summary>The reorder GraphStage between Akka.Streams test probes, on fake time.</summary>
public sealed class ReorderStageTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new();
    private readonly List<SequenceGap> _gaps = [];
    private int _late;

    private (TestPublisher.Probe<long> In, TestSubscriber.Probe<long> Out) Run(int maxPending = 8, long? first = null)
    {
        var stage = new ReorderStage<long>(x => x, maxPending, GapTimeout, first, _time, g => { lock (_gaps) { _gaps.Add(g); } }, _ => Interlocked.Increment(ref _late));
        var (input, output) = this.SourceProbe<long>().Via(stage).ToMaterialized(this.SinkProbe<long>(), Keep.Both).Run(Sys.Materializer());
        output.EnsureSubscription();
        return (input, output);
    }

    private SequenceGap[] Gaps()
    {
        lock (_gaps)
        {
            return [.. _gaps];
        }
    }

    private static void SendAll(TestPublisher.Probe<long> input, params long[] values)
    {
        foreach (var v in values)
        {
            input.SendNext(v);
        }
    }

    [Fact]
    public void Out_of_order_elements_are_emitted_in_sequence_order_without_gaps()
    {
        var (input, output) = Run();
        output.Request(6);
        SendAll(input, 1, 3, 2, 5, 4, 6);
        Assert.Equal([1L, 2, 3, 4, 5, 6], output.ExpectNextN(6));
        Assert.Empty(Gaps());
    }

    [Fact]
    public void A_missing_number_is_declared_a_gap_after_the_timeout_and_a_late_arrival_is_dropped()
    {
        var (input, output) = Run();
        output.Request(10);
        SendAll(input, 1, 3, 4);
        Assert.Equal(1L, output.ExpectNext());
        output.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        _time.Advance(GapTimeout - TimeSpan.FromTicks(1));
        output.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // held elements wait for the full timeout
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([3L, 4], output.ExpectNextN(2));
        Assert.Equal([new SequenceGap(2, 2)], Gaps());

        SendAll(input, 2, 5);
        Assert.Equal(5L, output.ExpectNext());
        Assert.Equal(1, Volatile.Read(ref _late));
        input.SendComplete();
        output.ExpectComplete();
    }

    [Fact]
    public void A_gap_filled_before_its_timeout_is_not_declared_and_a_later_gap_gets_its_own_full_timeout()
    {
        var (input, output) = Run();
        output.Request(10);
        SendAll(input, 1, 3);
        Assert.Equal(1L, output.ExpectNext());
        _time.Advance(TimeSpan.FromMilliseconds(600));
        SendAll(input, 2, 5);
        Assert.Equal([2L, 3], output.ExpectNextN(2));

        // 4 is now missing; its timer started when 5 arrived, not when 2 went missing.
        _time.Advance(TimeSpan.FromMilliseconds(600));
        output.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(5L, output.ExpectNext());
        Assert.Equal([new SequenceGap(4, 4)], Gaps());
    }

    [Fact]
    public void Reaching_the_pending_limit_declares_the_gap_at_once_without_waiting()
    {
        var (input, output) = Run(maxPending: 2);
        output.Request(10);
        SendAll(input, 1, 4, 5, 6, 7);
        Assert.Equal([1L, 4, 5, 6, 7], output.ExpectNextN(5));
        Assert.Equal([new SequenceGap(2, 3)], Gaps());
    }

    [Fact]
    public void Completion_releases_held_elements_and_reports_their_gaps()
    {
        var (input, output) = Run(first: 10);
        output.Request(10);
        SendAll(input, 10, 13, 12, 15);
        input.SendComplete();
        Assert.Equal([10L, 12, 13, 15], output.ExpectNextN(4));
        output.ExpectComplete();
        Assert.Equal([new SequenceGap(11, 11), new SequenceGap(14, 14)], Gaps());
    }

    [Fact]
    public void The_first_sequence_holds_elements_until_the_expected_first_number_arrives()
    {
        var (input, output) = Run(first: 10);
        output.Request(10);
        SendAll(input, 12, 11, 10, 11);
        Assert.Equal([10L, 11, 12], output.ExpectNextN(3));
        Assert.Empty(Gaps());
        AwaitCondition(() => Volatile.Read(ref _late) == 1);
    }

    [Fact]
    public void A_slow_downstream_gets_a_released_run_as_it_asks_and_nothing_is_lost()
    {
        var (input, output) = Run(first: 1);
        SendAll(input, 3, 2, 4, 1);
        output.Request(1);
        Assert.Equal(1L, output.ExpectNext());
        output.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        output.Request(3);
        Assert.Equal([2L, 3, 4], output.ExpectNextN(3));
    }

    [Fact]
    public void Bad_limits_are_refused_when_the_stage_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReorderStage<long>(x => x, 0, GapTimeout, null, _time));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReorderStage<long>(x => x, 1, TimeSpan.Zero, null, _time));
    }
}
