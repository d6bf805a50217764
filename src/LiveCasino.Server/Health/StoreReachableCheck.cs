using LiveCasino.Actors.Persistence;
using LiveCasino.Hosting.Node;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveCasino.Server.Health;

/// <summary>Ready when the journal answers a read within <see cref="Timeout"/> (SQLite file or PostgreSQL server reachable).</summary>
public sealed class StoreReachableCheck(LiveCasinoNode node) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!node.IsReady)
        {
            return HealthCheckResult.Unhealthy("the node is not running");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await PersistenceExtension.Get(node.System).Journal.ReadHighestSequenceNrAsync("health-probe", timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the journal answers");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("the journal does not answer: " + e.GetType().Name, e);
        }
    }
}
