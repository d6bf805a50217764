using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Diagnostics;
using LiveCasino.Actors.Sharding;
using LiveCasino.Actors.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

/// <summary>
/// The <c>livecasino.actors.mailbox_depth</c> gauges of entity regions, read as an exporter reads
/// them (a MeterListener collecting the observable instruments). Each test names its own region
/// type, and the series of a type is one per region name.
/// </summary>
public sealed class MailboxDepthGaugeTests : KernelTest
{
    private readonly string _type = "depth" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>What the two gauges show now for this test's region: (total, largest), or null without a series.</summary>
    private (long Total, long Largest)? Read()
    {
        long? total = null, largest = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == KernelMetrics.MeterName && i.Name.StartsWith("livecasino.actors.mailbox_depth", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) =>
        {
            foreach (var (k, v) in tags)
            {
                if (k == "region" && (string?)v == _type)
                {
                    if (i.Name == "livecasino.actors.mailbox_depth")
                    {
                        total = value;
                    }
                    else
                    {
                        largest = value;
                    }
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return total is { } t && largest is { } m ? (t, m) : null;
    }

    [Fact]
    public async Task The_gauges_show_the_messages_queued_in_a_regions_entities_and_the_longest_mailbox()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        var probe = Probe<int>();
        await using var region = new EntityRegion<int>(
            System,
            new EntityRegionOptions { EntityType = _type, IdleTimeout = null },
            id => Props.Create(() => new GatedActor<int>(gate.Task, probe.Ref, entered.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)))));
        Assert.Equal((0L, 0L), Read());

        // Each entity takes its first message into the handler and waits there; the rest queue up.
        foreach (var id in new[] { "a", "b" })
        {
            Assert.True(region.Tell(id, 0));
            await entered.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        for (var i = 1; i <= 5; i++)
        {
            Assert.True(region.Tell("a", i));
        }

        for (var i = 1; i <= 3; i++)
        {
            Assert.True(region.Tell("b", i));
        }

        Assert.Equal((8L, 5L), Read());

        gate.SetResult();
        await probe.ReceiveAsync(10, "message let through the gate");
        await Eventually.TrueAsync(() => Read() == (0L, 0L), "both mailboxes to drain");

        await region.StopAsync();
        Assert.Null(Read()); // a stopped region leaves the gauges
    }
}
