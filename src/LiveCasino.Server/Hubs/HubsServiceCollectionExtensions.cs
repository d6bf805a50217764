using LiveCasino.Hosting;
using LiveCasino.Hosting.Engine;
using LiveCasino.Server.Demo;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Security;
using LiveCasino.Tables.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// The node's tables and hubs: options <c>LiveCasino:Edge</c> and <c>LiveCasino:Demo</c>, the table
/// and edge event types, the tables runtime (after the wallets), SignalR with the strict JSON
/// protocol and the per-connection limits, and the demo (last, so it stops first).
/// </summary>
public static class HubsServiceCollectionExtensions
{
    public const string PlayerHubPath = "/hubs/player";
    public const string DealerHubPath = "/hubs/dealer";

    public static WebApplicationBuilder AddLiveCasinoHubs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var validator = new EdgeOptionsValidator();
        services.AddOptions<EdgeOptions>().Bind(builder.Configuration.GetSection(EdgeOptions.Section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>>(validator);
        services.AddSingleton<IValidateOptions<DemoOptions>>(validator);
        services.AddLiveCasinoEngineHocon("tables", TableSerialization.EngineHocon);
        services.AddLiveCasinoEngineHocon("edge", CatalogSerialization.EngineHocon);

        services.AddSingleton<EdgeMetrics>();
        services.AddSingleton(sp => new LiveCasino.Sharding.Diagnostics.EngineMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<EdgeConnections>();
        services.AddSingleton<TablesRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<TablesRuntime>());
        services.AddSingleton<EdgeHost>();
        services.AddSingleton<LiveCasino.Server.Membership.ClusterAdmin>();
        services.AddSingleton<DealerSessions>();

        services.AddSignalR(o =>
            {
                o.AddFilter<HubLimitsFilter>();
                o.EnableDetailedErrors = false;
                o.KeepAliveInterval = TimeSpan.FromSeconds(15);
                o.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
            })
            .AddJsonProtocol(o => HubJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<HubLifetimeManager<PlayerHub>, EdgeLifetimeManager<PlayerHub>>();
        services.AddSingleton<HubLifetimeManager<DealerHub>, EdgeLifetimeManager<DealerHub>>();

        services.AddLiveCasinoDemo();
        return builder;
    }

    /// <summary>Maps <c>/hubs/player</c> and <c>/hubs/dealer</c> with their policies and transport buffers.</summary>
    public static IEndpointRouteBuilder MapLiveCasinoHubs(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var buffer = endpoints.ServiceProvider.GetRequiredService<IOptions<EdgeOptions>>().Value.TransportBufferBytes;
        endpoints.MapHub<PlayerHub>(PlayerHubPath, o =>
        {
            o.TransportMaxBufferSize = buffer;
            o.ApplicationMaxBufferSize = buffer;
        }).RequireAuthorization(AuthPolicies.Player);
        endpoints.MapHub<DealerHub>(DealerHubPath, o =>
        {
            o.TransportMaxBufferSize = buffer;
            o.ApplicationMaxBufferSize = buffer;
        }).RequireAuthorization(AuthPolicies.Dealer);
        return endpoints;
    }
}
