namespace LiveCasino.Server.Edge;

/// <summary>
/// Configuration section <c>LiveCasino:Edge</c>: how the node hosts its tables and fans their events
/// out to hub connections. Per-connection limits (message size, rates, outgoing buffer) are in
/// <see cref="Options.HubLimitsOptions"/>; these are the edge's own bounds and timings.
/// </summary>
public sealed class EdgeOptions
{
    public const string Section = "LiveCasino:Edge";

    /// <summary>Tables one connection may watch at once (each costs an outbox share and a feed slot).</summary>
    public int TablesPerConnectionMax { get; set; } = 8;

    /// <summary>Tables the node lists in its catalog (the lobby).</summary>
    public int TablesMax { get; set; } = 200;

    /// <summary>Viewers one table feed serves on this node; a join past it is refused with "full".</summary>
    public int ViewersPerTableMax { get; set; } = 50_000;

    /// <summary>
    /// How often a table feed re-subscribes to its table: a table that restarted forgot its
    /// subscribers, and the answer's sequence number shows whether events were missed (then viewers resync).
    /// A backstop: the feed watches the table's actor and subscribes again soon after it stops (a move).
    /// </summary>
    public TimeSpan FeedCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the node reads the table catalog again: a table another member of the cluster
    /// configured is in this node's lobby, and has its feed here, within this time.
    /// </summary>
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Shortest time between two viewer-count updates (tableStats events and the table's count).</summary>
    public TimeSpan ViewerUpdateInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a hub waits for a table, wallet or console answer before it answers "unavailable".</summary>
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes SignalR buffers per connection in each direction before a write waits (its transport and
    /// application pipes). Small keeps a stalled socket's memory small; our outbox holds the rest.
    /// </summary>
    public long TransportBufferBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Fan-out lanes: each viewer belongs to one lane, and a table event is written to a lane's
    /// viewers by that lane's actor, so the writes of one event run on several cores at once while
    /// each viewer still gets a table's events in order. 0: one lane per processor.
    /// </summary>
    public int FanoutLanes { get; set; }

    /// <summary>Raw sensor lines queued per dealer connection before <c>Sensor</c> answers "busy".</summary>
    public int SensorLinesQueuedMax { get; set; } = 256;
}
