using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// SignalR's default lifetime manager that also hands each connection's <see cref="HubConnectionContext"/>
/// to the hub (through the connection's items), so the edge can write pre-serialized frames to it
/// from the connection's own writer task instead of awaiting group sends.
/// </summary>
public sealed class EdgeLifetimeManager<THub>(ILogger<DefaultHubLifetimeManager<THub>> logger) : DefaultHubLifetimeManager<THub>(logger)
    where THub : Hub
{
    /// <summary>Key of the <see cref="HubConnectionContext"/> in <see cref="HubCallerContext.Items"/>.</summary>
    public const string ConnectionItem = "livecasino.hub-connection";

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Items[ConnectionItem] = connection;
        return base.OnConnectedAsync(connection);
    }
}
