using Akka.Configuration;
using LiveCasino.Persistence.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveCasino.Server.Health;

/// <summary>
/// Ready when the store under the default journal plugin answers a read within <see cref="Timeout"/>
/// (SQLite file or PostgreSQL server reachable). With another journal plugin configured (Akka.Persistence.Sql)
/// the store is not ours to probe: reported healthy, saying so.
/// </summary>
public sealed class StoreReachableCheck(Akka.Actor.ActorSystem engine) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (engine.WhenTerminated.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("the node is not running");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var journal = (await StoreRegistry.For(engine).DefaultJournalStoreAsync().WaitAsync(timeout.Token).ConfigureAwait(false)).Journal;
            await journal.ReadHighestSequenceNrAsync("health-probe", timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the journal answers");
        }
        catch (ConfigurationException e)
        {
            return HealthCheckResult.Healthy("the default journal plugin is not LiveCasino's; its store is not probed here: " + e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HealthCheckResult.Unhealthy("the journal does not answer: " + e.GetType().Name, e);
        }
    }
}
