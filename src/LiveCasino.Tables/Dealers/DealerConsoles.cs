using System.Threading.Channels;
using Akka.Streams;
using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Sharding;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Sensors;

namespace LiveCasino.Tables.Dealers;

/// <summary>
/// The dealer consoles of a node: one actor per console id in an entity region ("console"), kept
/// while connected. The edge authenticates a console and connects it with its studio and an output
/// ref; a console's sensor stream is started here too.
/// </summary>
public sealed class DealerConsoles
{
    private readonly EntityRegion<ConsoleCommand> _region;
    private readonly ActorSystem _system;

    private DealerConsoles(ActorSystem system, EntityRegion<ConsoleCommand> region, ConsoleOptions options)
    {
        _system = system;
        _region = region;
        Options = options;
    }

    public ConsoleOptions Options { get; }

    public static DealerConsoles Start(ActorSystem system, Hosting.Tables tables, ConsoleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(tables);
        options = (options ?? ConsoleOptions.Default).Validate();
        var regionOptions = new EntityRegionOptions { EntityType = options.EntityType, IdleTimeout = null, BufferPerEntityMax = options.MailboxCapacity };
        var region = new EntityRegion<ConsoleCommand>(system, regionOptions, id =>
            Props.Create<ConsoleCommand>(() => new DealerConsole(id, tables, options)).WithMailbox(options.MailboxCapacity));
        return new DealerConsoles(system, region, options);
    }

    /// <summary>Attaches an authenticated console of <paramref name="studioId"/>; its reports go to <paramref name="output"/>.</summary>
    public ActorRef<ConsoleCommand> Connect(string consoleId, string studioId, ActorRef<ConsoleEvent> output)
    {
        TableIds.Validate(consoleId, nameof(consoleId));
        TableIds.Validate(studioId, nameof(studioId));
        ArgumentNullException.ThrowIfNull(output);
        _region.Tell(consoleId, new ConsoleCommand.Attach(studioId, output));
        return _region.EntityRef(consoleId);
    }

    public ActorRef<ConsoleCommand> For(string consoleId) => _region.EntityRef(consoleId);

    /// <summary>Stops the console (it unsubscribes from its table); a later message starts a fresh, unattached one.</summary>
    public void Disconnect(string consoleId) => _region.Passivate(consoleId);

    /// <summary>
    /// Starts the sensor stream of a console on <paramref name="materializer"/>: raw lines from
    /// <paramref name="input"/> through the stream stages to the console, whose answers are the table's.
    /// </summary>
    public SensorStream StartSensorStream(string consoleId, ChannelReader<string> input, IMaterializer materializer, SensorStreamOptions? options = null, CancellationToken cancellationToken = default)
    {
        var console = For(consoleId);
        var target = new SensorTarget(
            (reading, at, timeout, ct) => console.Ask<ConsoleCommand, ReadingAck>(r => new ConsoleCommand.Reading(reading, at, r), timeout, ct),
            (input, reason) => console.Tell(new ConsoleCommand.SensorRejected(input, reason)),
            gap => console.Tell(new ConsoleCommand.SensorGap(gap.First, gap.Last)));
        return SensorStream.Start(input, target, options ?? SensorStreamOptions.Default, _system.Time, materializer, cancellationToken);
    }
}
