using LiveCasino.Server.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// Every hub invocation spends one token of its connection's message budget
/// (<see cref="HubLimitsOptions.MessagesPerSecond"/>); over budget the invocation is not run and
/// completes with the error "rateLimited: …" (the connection stays open).
/// </summary>
public sealed class HubLimitsFilter(IOptions<HubLimitsOptions> options) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (EdgeHost.ConnectionOf(invocationContext.Context) is { } connection)
        {
            if (!connection.Messages.TryTake())
            {
                throw new HubException($"rateLimited: more than {options.Value.MessagesPerSecond} messages per second on this connection; slow down");
            }
        }

        return await next(invocationContext).ConfigureAwait(false);
    }
}
