using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Observability;

/// <summary>Adds <see cref="HubMetrics"/> as a global hub filter (after the hubs' own limits filter).</summary>
public static class HubMetricsRegistration
{
    public static IServiceCollection AddLiveCasinoHubMetrics(this IServiceCollection services)
    {
        services.AddSingleton<HubMetrics>();
        services.Configure<HubOptions>(o => o.AddFilter<HubMetrics>());
        return services;
    }
}
