using Microsoft.Extensions.Hosting;

namespace LiveCasino.Hosting.Node;

/// <summary>Starts the node with the host and stops it gracefully with the host.</summary>
public sealed class LiveCasinoNodeService(LiveCasinoNode node) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => node.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => node.StopAsync();
}
