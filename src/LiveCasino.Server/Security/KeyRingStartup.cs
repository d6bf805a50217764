using LiveCasino.Hosting.Options;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// Before the node serves anything, a cluster member makes sure the shared key ring holds a key
/// (creating it under a cluster-wide lock), so members started together issue tokens every member reads.
/// </summary>
public sealed class KeyRingStartup(IServiceProvider services, IOptions<StoreOptions> store, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Value.Provider == StoreProvider.Postgres)
        {
            services.GetRequiredService<PostgresKeyRing>().EnsureKey(services.GetRequiredService<IKeyManager>(), time.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
