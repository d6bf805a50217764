using Microsoft.Extensions.DependencyInjection;

namespace LiveCasino.Server.Demo;

/// <summary>
/// Registers the demo host. It always runs as a hosted service (registered last, so it stops first)
/// and does nothing unless <see cref="DemoOptions.Enabled"/>.
/// </summary>
public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddLiveCasinoDemo(this IServiceCollection services)
    {
        services.AddHostedService<DemoHost>();
        return services;
    }
}
