using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Streams;
using LiveCasino.Sharding;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Sensors;

namespace LiveCasino.Tables.Dealers;

/// <summary>
/// The dealer consoles of a node: one actor per console id, an entity of the "console" sharding
/// region, never passivated while the node runs. The edge authenticates a console and connects it
/// with its studio and an output actor; a console's sensor stream is started here too.
/// </summary>
public sealed class DealerConsoles
{
    private readonly TimeProvider _time;

    private DealerConsoles(IActorRef region, ConsoleOptions options, TimeProvider time)
    {
        Region = region;
        Options = options;
        _time = time;
    }

    public ConsoleOptions Options { get; }

    /// <summary>The console region: send it <see cref="ShardingEnvelope"/>s (see <see cref="Tell"/>).</summary>
    public IActorRef Region { get; }

    /// <summary>Starts the console region; consoles reach their tables through <paramref name="tables"/>.</summary>
    public static async Task<DealerConsoles> StartAsync(ActorSystem system, Hosting.Tables tables, TimeProvider time, ConsoleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(time);
        options = (options ?? ConsoleOptions.Default).Validate();
        var region = await EntityRegions.StartAsync(
            system, options.EntityType, id => Props.Create(() => new DealerConsole(id, tables, options)), options.NumberOfShards, passivateIdleAfter: TimeSpan.Zero).ConfigureAwait(false);
        return new DealerConsoles(region, options, time);
    }

    /// <summary>Attaches an authenticated console of <paramref name="studioId"/>; its reports (<see cref="ConsoleEvent"/>s) go to <paramref name="output"/>.</summary>
    public void Connect(string consoleId, string studioId, IActorRef output)
    {
        TableIds.Validate(studioId, nameof(studioId));
        ArgumentNullException.ThrowIfNull(output);
        Tell(consoleId, new ConsoleCommand.Attach(studioId), output);
    }

    /// <summary>Sends <paramref name="command"/> to the console; what it reports goes to the attached output.</summary>
    public void Tell(string consoleId, ConsoleCommand command, IActorRef? sender = null)
    {
        TableIds.Validate(consoleId, nameof(consoleId));
        ArgumentNullException.ThrowIfNull(command);
        Region.Tell(new ShardingEnvelope(consoleId, command), sender ?? ActorRefs.NoSender);
    }

    /// <summary>Stops the console (it unsubscribes from its table); a later message starts a fresh, unattached one.</summary>
    public void Disconnect(string consoleId) => Tell(consoleId, new ConsoleCommand.Disconnect());

    /// <summary>
    /// Starts the sensor stream of a console on <paramref name="materializer"/>: raw lines from
    /// <paramref name="input"/> through the stream stages to the console, whose answers are the table's.
    /// </summary>
    public SensorStream StartSensorStream(string consoleId, ChannelReader<string> input, IMaterializer materializer, SensorStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        TableIds.Validate(consoleId, nameof(consoleId));
        var target = new SensorTarget(
            (reading, at, timeout, ct) => DeliverAsync(consoleId, reading, at, timeout, ct),
            (line, reason) => Tell(consoleId, new ConsoleCommand.SensorRejected(line, reason)),
            gap => Tell(consoleId, new ConsoleCommand.SensorGap(gap.First, gap.Last)));
        return SensorStream.Start(input, target, options ?? SensorStreamOptions.Default, _time, materializer, cancellationToken);
    }

    /// <summary>One reading to the console; no answer in time is "unavailable" (the stream sends it again later).</summary>
    private async Task<ReadingAck> DeliverAsync(string consoleId, SensorReading reading, DateTimeOffset at, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await Region.Ask<ReadingAnswered>(new ShardingEnvelope(consoleId, new ConsoleCommand.Reading(reading, at)), timeout, cancellationToken).ConfigureAwait(false);
            return answer.Ack;
        }
        catch (AskTimeoutException)
        {
            return ReadingAck.Unavailable;
        }
    }
}
