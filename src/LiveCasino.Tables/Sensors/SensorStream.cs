using System.Threading.Channels;
using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Streams;
using LiveCasino.Tables.Dealers;

namespace LiveCasino.Tables.Sensors;

/// <summary>
/// A console's sensor input through the kernel's stream stages:
/// <code>
/// raw lines ─► intake buffer (backpressure) ─► parse+validate (malformed counted, reported) ─► drop retransmits (same sequence)
///   ─► reorder by sequence (gaps reported) ─► drop repeated reads (same content, short window) ─► stamp server time
///   ─► sink: the console, answered when the table has; restart with backoff and resend when it does not answer
/// </code>
/// Nothing a sensor sends can crash a table: malformed input stops at the parser, a refused reading
/// (a dealer mistake) is reported and not retried, and only "no answer" is retried, as the same
/// reading (the table treats its reading id as idempotent).
/// </summary>
public sealed class SensorStream
{
    private long _accepted;
    private long _refused;

    private SensorStream(Pipeline pipeline) => Pipeline = pipeline;

    public Pipeline Pipeline { get; }

    public Task Completion => Pipeline.Completion;

    /// <summary>Raw lines that failed to parse or validate.</summary>
    public long Malformed => Pipeline.Stage("parse").Rejected;

    /// <summary>Retransmits of a sequence number already seen.</summary>
    public long Retransmits => Pipeline.Stage("retransmits").Duplicates;

    /// <summary>The same content read again within the repeat window.</summary>
    public long Repeats => Pipeline.Stage("repeats").Duplicates;

    public long Gaps => Pipeline.Stage("order").Gaps;

    public long Missing => Pipeline.Stage("order").Missing;

    /// <summary>Readings that arrived behind the order already delivered.</summary>
    public long Late => Pipeline.Stage("order").Late;

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Readings the table refused (dealer mistakes): reported, not retried.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public long Restarts => Pipeline.Stage("console").Restarts;

    public static SensorStream Start(ChannelReader<string> input, ActorRef<ConsoleCommand> console, SensorStreamOptions options, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        SensorStream? stream = null;
        var pipeline = Source.From(input, new PipelineOptions { StageCapacity = options.StageCapacity }, cancellationToken)
            .Buffer(new BufferOptions { Capacity = options.IntakeCapacity, OverflowPolicy = OverflowPolicy.Backpressure }, "intake")
            .Validate(SensorParser.Parse, r => console.Tell(new ConsoleCommand.SensorRejected(Shorten(r.Input), r.Reason)), "parse")
            .Deduplicate(r => r.Sequence, new DeduplicateOptions { Window = options.RetransmitWindow, MaxKeys = options.DedupKeysMax }, time, "retransmits")
            .ReorderBySequence(r => r.Sequence, new ReorderOptions { MaxPending = options.ReorderPendingMax, GapTimeout = options.GapTimeout, FirstSequence = options.FirstSequence }, time, g => console.Tell(new ConsoleCommand.SensorGap(g.First, g.Last)), "order")
            .Deduplicate(r => r.Content, new DeduplicateOptions { Window = options.RepeatWindow, MaxKeys = options.DedupKeysMax }, time, "repeats")
            .Stamp(time, "stamp")
            .ToSink((reading, ct) => stream!.DeliverAsync(console, reading, options.AckTimeout, ct), options.Restart, time, "console");
        stream = new SensorStream(pipeline);
        return stream;
    }

    private async ValueTask DeliverAsync(ActorRef<ConsoleCommand> console, Stamped<SensorReading> reading, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ack = await console.Ask<ConsoleCommand, ReadingAck>(r => new ConsoleCommand.Reading(reading.Value, reading.ReceivedAt, r), timeout, cancellationToken).ConfigureAwait(false);
        switch (ack)
        {
            case ReadingAck.Accepted:
                Interlocked.Increment(ref _accepted);
                break;
            case ReadingAck.Refused:
                Interlocked.Increment(ref _refused);
                break;
            default:
                // The sink's restart policy backs off and offers this same reading again.
                throw new TimeoutException($"No answer from the table for reading {reading.Value.Sequence}.");
        }
    }

    private static string Shorten(string? input) => input is null ? string.Empty : input.Length <= 80 ? input : input[..80] + "…";
}
