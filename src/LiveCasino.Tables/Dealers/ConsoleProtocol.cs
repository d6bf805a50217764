using Akka.Actor;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Sensors;

namespace LiveCasino.Tables.Dealers;

/// <summary>
/// What a dealer console actor accepts: messages of the "console" sharding region, serialized under
/// "console.*.v1" manifests. The edge authenticates the console (as a console of one studio) and
/// attaches it; the console then binds to one table of that studio at a time.
/// </summary>
public abstract record ConsoleCommand
{
    private protected ConsoleCommand()
    {
    }

    /// <summary>The console authenticated as a console of <paramref name="StudioId"/>; its reports go to the sender of this message.</summary>
    public sealed record Attach(string StudioId) : ConsoleCommand;

    /// <summary>Binds to <paramref name="TableId"/> (unbinding any other): refused unless the table belongs to the console's studio.</summary>
    public sealed record Bind(string TableId) : ConsoleCommand;

    public sealed record Unbind : ConsoleCommand;

    /// <summary>The connection closed: the console unbinds and stops (passivates); a later message starts a fresh, unattached one.</summary>
    public sealed record Disconnect : ConsoleCommand;

    /// <summary>A dealer button; <paramref name="Sequence"/> is the console's own counter, echoed in the answer.</summary>
    public sealed record Act(long Sequence, DealerAction Action, DateTimeOffset StudioAt) : ConsoleCommand;

    /// <summary>A validated, ordered, stamped sensor reading from the console's sensor stream; answered with a <see cref="ReadingAnswered"/> when the table has.</summary>
    public sealed record Reading(SensorReading Value, DateTimeOffset ServerAt) : ConsoleCommand;

    /// <summary>The sensor stream refused a raw reading (malformed): reported to the dealer, never to the table.</summary>
    public sealed record SensorRejected(string Input, string Reason) : ConsoleCommand;

    /// <summary>Readings that never arrived (the stream's reorder stage declared a gap).</summary>
    public sealed record SensorGap(long First, long Last) : ConsoleCommand;
}

/// <summary>The console's answer to <see cref="ConsoleCommand.Reading"/> <paramref name="Sequence"/>.</summary>
public sealed record ReadingAnswered(long Sequence, ReadingAck Ack);

/// <summary>What a console sends itself: answers piped back from its table (never serialized).</summary>
internal abstract record ConsoleSignal : INoSerializationVerificationNeeded
{
    public sealed record TableAnswered(long Sequence, DealerAction Action, TableReply? Reply, IActorRef? Ack) : ConsoleSignal;

    public sealed record BindChecked(string TableId, TableSnapshot? Snapshot) : ConsoleSignal;

    /// <summary>Periodic: subscribe to the bound table again (idempotent; a restarted table forgot us).</summary>
    public sealed record Refresh : ConsoleSignal
    {
        public static readonly Refresh Instance = new();
    }
}

/// <summary>What a console reports to its dealer screen (through the edge).</summary>
public abstract record ConsoleEvent(string ConsoleId)
{
    public sealed record Bound(string ConsoleId, string TableId, TableSnapshot Snapshot) : ConsoleEvent(ConsoleId);

    public sealed record BindRefused(string ConsoleId, string TableId, ConsoleRefusal Reason) : ConsoleEvent(ConsoleId);

    public sealed record Unbound(string ConsoleId, string TableId) : ConsoleEvent(ConsoleId);

    /// <summary>The table's answer to action <paramref name="Sequence"/>.</summary>
    public sealed record Answered(string ConsoleId, long Sequence, DealerAction Action, TableReply Reply) : ConsoleEvent(ConsoleId);

    /// <summary>The console could not pass action <paramref name="Sequence"/> on.</summary>
    public sealed record Refused(string ConsoleId, long Sequence, DealerAction Action, ConsoleRefusal Reason) : ConsoleEvent(ConsoleId);

    public sealed record SensorRejected(string ConsoleId, string Input, string Reason) : ConsoleEvent(ConsoleId);

    public sealed record SensorGap(string ConsoleId, long First, long Last) : ConsoleEvent(ConsoleId);

    /// <summary>A round-level event of the bound table (opened, closed, card, result, void...); bet traffic is not forwarded.</summary>
    public sealed record TableChanged(string ConsoleId, TableNotification.EventPersisted Event) : ConsoleEvent(ConsoleId);
}

/// <summary>Why a console refused or could not deliver something.</summary>
public enum ConsoleRefusal
{
    NotAttached,
    NotBound,

    /// <summary>The table belongs to another studio than the console.</summary>
    WrongStudio,

    TableNotConfigured,

    /// <summary>The table did not answer in time.</summary>
    TableUnavailable,

    InvalidTableId,
}

/// <summary>The console's answer to a sensor reading: the sink retries only <see cref="Unavailable"/>.</summary>
public enum ReadingAck
{
    /// <summary>The table took it (or it was a repeat of one it took).</summary>
    Accepted,

    /// <summary>Refused for good (a dealer mistake, not bound...): reported, not retried.</summary>
    Refused,

    /// <summary>The table did not answer: send it again later.</summary>
    Unavailable,
}
