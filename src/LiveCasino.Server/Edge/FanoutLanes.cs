using Akka.Actor;
using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The actors that write table events to viewers. A viewer belongs to one lane for its whole life
/// (<see cref="EdgeConnection.LaneKey"/> modulo the lane count), and each lane handles its work in
/// order, so a viewer gets one table's events in the order the table's feed sent them, while the
/// lanes write on as many cores as there are. A lane never waits on a socket: it offers each frame
/// to the viewer, which writes it at once when idle or queues it (<see cref="EdgeConnection.Offer"/>).
/// </summary>
public sealed class FanoutLanes
{
    /// <summary>
    /// The lanes' bounded mailbox (hocon/base.conf): one fan-out event per lane per table event; a lane
    /// that fell 100,000 behind drops to dead letters (and the viewers resync at the next sequenced
    /// event: they see the gap).
    /// </summary>
    public const string Mailbox = "livecasino.mailboxes.fanout-lane";

    private readonly IActorRef[] _lanes;

    public FanoutLanes(ActorSystem system, int lanes)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _lanes = new IActorRef[lanes];
        for (var i = 0; i < lanes; i++)
        {
            _lanes[i] = system.ActorOf(Props.Create(() => new FanoutLaneActor()).WithMailbox(Mailbox), "fanout-lane-" + i);
        }
    }

    public int Count => _lanes.Length;

    /// <summary>The lane of a connection.</summary>
    public int LaneOf(EdgeConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return (int)(connection.LaneKey % (ulong)_lanes.Length);
    }

    internal void Send(int lane, LaneWork work) => _lanes[lane].Tell(work);
}

/// <summary>
/// One event for the viewers of one lane: the shared frame, and per player a personal frame (the
/// settlement with the player's own payout) that replaces it for that player's connections.
/// </summary>
public sealed record LaneWork(EdgeConnection[] Viewers, Outgoing Item, IReadOnlyDictionary<string, SerializedHubMessage>? Personal) : INoSerializationVerificationNeeded;

/// <summary>Offers one lane's frames to its viewers, in the order the work arrived.</summary>
internal sealed class FanoutLaneActor : UntypedActor
{
    protected override void OnReceive(object received)
    {
        if (received is not LaneWork message)
        {
            Unhandled(received);
            return;
        }

        var item = message.Item;
        var personal = message.Personal;
        foreach (var viewer in message.Viewers)
        {
            if (personal is not null && viewer.Who.PlayerId is { } player && personal.TryGetValue(player, out var mine))
            {
                viewer.Offer(item with { Message = mine });
            }
            else
            {
                viewer.Offer(item);
            }
        }
    }
}
