using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Edge;

/// <summary>A fresh snapshot of a table for one connection, as a ready <c>resync</c> frame and the sequence number it covers.</summary>
public interface IResyncSource
{
    /// <summary>Null when the table could not be asked (the client then finds the gap itself and asks again).</summary>
    Task<(SerializedHubMessage Frame, long Seq)?> ResyncAsync(EdgeConnection connection, string tableId, string reason, CancellationToken cancellationToken);
}
