using LiveCasino.Tables.Events;

namespace LiveCasino.Tables.Protocol;

/// <summary>What a subscriber to a table receives: first the state, then every persisted event, in order.</summary>
public abstract record TableNotification(string TableId)
{
    /// <summary>The state the following events continue from (<see cref="TableSnapshot.SequenceNr"/>).</summary>
    public sealed record Subscribed(string TableId, TableSnapshot Snapshot) : TableNotification(TableId);

    /// <summary>
    /// One persisted event. <paramref name="SequenceNr"/> is the table's journal sequence number:
    /// contiguous per table, so a subscriber can tell if it missed something (then ask a snapshot).
    /// </summary>
    public sealed record EventPersisted(string TableId, long RoundNo, long SequenceNr, DateTimeOffset ServerAt, DateTimeOffset StudioAt, TableEvent Event)
        : TableNotification(TableId);
}
