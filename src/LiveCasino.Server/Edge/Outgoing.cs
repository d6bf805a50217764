using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Edge;

/// <summary>
/// One event queued for a connection: already serialized (shared by every connection that gets it).
/// <paramref name="TableId"/> and <paramref name="Seq"/> are set for sequenced table events (the
/// writer skips what a snapshot already covered); personal and stats events have Seq 0.
/// </summary>
public readonly record struct Outgoing(string? TableId, long Seq, SerializedHubMessage? Message)
{
    /// <summary>Wakes the writer (after an overflow) without carrying anything.</summary>
    public static Outgoing Wake => default;
}
