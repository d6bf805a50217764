using System.Threading.Channels;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Sensors.Stages;

namespace LiveCasino.Tables.Sensors;

/// <summary>
/// A console's sensor input on Akka.Streams:
/// <code>
/// raw lines (ChannelSource: several writers, bounded) ─► intake buffer (backpressure)
///   ─► parse+validate (malformed counted, reported) ─► drop retransmits (same sequence)
///   ─► reorder by sequence (gaps reported) ─► drop repeated reads (same content, short window)
///   ─► stamp server time ─► kill switch ─► deliver to the console, one at a time: sent again with
///      backoff while the table does not answer
/// </code>
/// The stages up to the stamp restart with backoff if they ever fail (RestartSource). Nothing a
/// sensor sends can crash a table: malformed input stops at the parser, a refused reading (a dealer
/// mistake) is reported and not retried, and only "no answer" is retried, as the same reading (the
/// table treats its reading id as idempotent). Time (windows, gap timeouts, backoff, the stamp)
/// comes from the injected clock.
/// </summary>
public sealed class SensorStream
{
    private readonly UniqueKillSwitch _killSwitch;

    private SensorStream(SensorCounters counters, UniqueKillSwitch killSwitch, Task completion)
    {
        Counters = counters;
        _killSwitch = killSwitch;
        Completion = completion;
    }

    public SensorCounters Counters { get; }

    /// <summary>Completes when the input ends or the stream is stopped (the reading in delivery finishes first).</summary>
    public Task Completion { get; }

    /// <summary>Stops taking lines; the reading being delivered completes its delivery.</summary>
    public void Stop() => _killSwitch.Shutdown();

    public static SensorStream Start(ChannelReader<string> input, SensorTarget target, SensorStreamOptions options, TimeProvider time, IMaterializer materializer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(materializer);
        options.Validate();
        var counters = new SensorCounters();
        var stages = Stages(target, options, time, counters);
        var restart = RestartSettings.Create(options.Backoff.MinBackoff, options.Backoff.MaxBackoff, options.Backoff.RandomFactor);
        var (killSwitch, done) = RestartSource.OnFailuresWithBackoff(() => ChannelSource.FromReader(input).Via(stages), restart)
            .ViaMaterialized(KillSwitches.Single<(SensorReading Reading, DateTimeOffset At)>(), Keep.Right)
            .SelectAsync(1, stamped => DeliverAsync(stamped.Reading, stamped.At, target, options, time, counters, cancellationToken))
            .ToMaterialized(Sink.Ignore<Done>(), Keep.Both)
            .Run(materializer);
        var registration = cancellationToken.Register(killSwitch.Shutdown);
        return new SensorStream(counters, killSwitch, Settle(done, registration));
    }

    private static Flow<string, (SensorReading Reading, DateTimeOffset At), NotUsed> Stages(SensorTarget target, SensorStreamOptions options, TimeProvider time, SensorCounters counters) =>
        Flow.Create<string>()
            .Buffer(options.IntakeCapacity, OverflowStrategy.Backpressure)
            .Select(line => (Line: line, Parsed: SensorParser.Parse(line)))
            .Where(p =>
            {
                if (p.Parsed.IsValid)
                {
                    return true;
                }

                counters.AddMalformed();
                target.Rejected(Shorten(p.Line), p.Parsed.Reason!);
                return false;
            })
            .Select(p => p.Parsed.Value!)
            .Via(new DeduplicateStage<SensorReading, long>(r => r.Sequence, options.RetransmitWindow, options.DedupKeysMax, time, _ => counters.AddRetransmit()))
            .Via(new ReorderStage<SensorReading>(
                r => r.Sequence,
                options.ReorderPendingMax,
                options.GapTimeout,
                options.FirstSequence,
                time,
                gap =>
                {
                    counters.AddGap(gap);
                    target.Gap(gap);
                },
                _ => counters.AddLate()))
            .Via(new DeduplicateStage<SensorReading, string>(r => r.Content, options.RepeatWindow, options.DedupKeysMax, time, _ => counters.AddRepeat()))
            .Select(r => (r, time.GetUtcNow()));

    private static async Task<Done> DeliverAsync(SensorReading reading, DateTimeOffset at, SensorTarget target, SensorStreamOptions options, TimeProvider time, SensorCounters counters, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            ReadingAck ack;
            try
            {
                ack = await target.Deliver(reading, at, options.AckTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                ack = ReadingAck.Unavailable;
            }

            switch (ack)
            {
                case ReadingAck.Accepted:
                    counters.AddAccepted();
                    return Done.Instance;
                case ReadingAck.Refused:
                    counters.AddRefused();
                    return Done.Instance;
            }

            // No answer: the same reading again after a backoff (the table knows its id).
            var delay = options.Backoff.Delay(failures, Random.Shared.NextDouble());
            counters.AddRetry();
            options.Backoff.OnRetry?.Invoke(delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Shorten(string? input) => input is null ? string.Empty : input.Length <= 80 ? input : input[..80] + "…";

    /// <summary>The stream's end as a task that a stop or cancellation completes normally.</summary>
    private static async Task Settle(Task<Done> done, CancellationTokenRegistration registration)
    {
        try
        {
            await done.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while a delivery waited: a normal end.
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
        }
    }
}
