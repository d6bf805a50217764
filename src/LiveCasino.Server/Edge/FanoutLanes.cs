using LiveCasino.Actors.Core;
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
    // One fan-out event per lane per table event; a lane that fell this far behind drops to dead letters
    // (and the viewers resync at the next sequenced event: they see the gap).
    private const int LaneMailbox = 100_000;

    private readonly ActorRef<LaneWork>[] _lanes;

    public FanoutLanes(ActorSystem system, int lanes)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _lanes = new ActorRef<LaneWork>[lanes];
        for (var i = 0; i < lanes; i++)
        {
            _lanes[i] = system.Spawn(Props.Create(() => new FanoutLaneActor()).WithMailbox(LaneMailbox), "fanout-lane-" + i);
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
public sealed record LaneWork(EdgeConnection[] Viewers, Outgoing Item, IReadOnlyDictionary<string, SerializedHubMessage>? Personal);

/// <summary>Offers one lane's frames to its viewers, in the order the work arrived.</summary>
internal sealed class FanoutLaneActor : Actor<LaneWork>
{
    protected override ValueTask ReceiveAsync(LaneWork message)
    {
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

        return ValueTask.CompletedTask;
    }
}
