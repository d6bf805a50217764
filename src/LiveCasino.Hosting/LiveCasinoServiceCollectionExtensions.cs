using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting;

/// <summary>Registers a LiveCasino node on a .NET host.</summary>
public static class LiveCasinoServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the node's typed sections (<c>LiveCasino:Node</c>, <c>:Store</c>, <c>:Cluster</c>) once, from
    /// the host's configuration (appsettings.json, environment variables such as
    /// <c>LiveCasino__Store__Provider</c>, command line such as <c>--LiveCasino:Node:DataDirectory=/var/lib/casino</c>);
    /// unknown keys and bad values stop start-up naming the key.
    /// </summary>
    public static IServiceCollection AddLiveCasinoOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(OptionsBound)))
        {
            return services;
        }

        services.AddSingleton<OptionsBound>();
        services.AddOptions<NodeOptions>().Bind(configuration.GetSection(NodeOptions.Section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NodeOptions>, LiveCasinoOptionsValidator>());
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, LiveCasinoOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Marks that the typed sections are bound, so a second caller does not bind them twice.</summary>
    private sealed class OptionsBound;
}
