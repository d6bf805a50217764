using LiveCasino.Stores.Serialization;
using LiveCasino.Hosting.Node;
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
    /// Binds <c>LiveCasino:Node</c>, <c>LiveCasino:Store</c> and <c>LiveCasino:Kernel</c> from the host's
    /// configuration (appsettings.json, environment variables such as <c>LiveCasino__Store__Provider</c>,
    /// command line such as <c>--LiveCasino:Node:DataDirectory=/var/lib/casino</c>), validates them when
    /// the host starts, and runs the node as a hosted service.
    /// </summary>
    public static IServiceCollection AddLiveCasinoNode(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLiveCasinoOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LiveCasinoNode>();
        services.AddHostedService<LiveCasinoNodeService>();
        return services;
    }

    /// <summary>
    /// Binds and validates the node's typed sections (<c>LiveCasino:Node</c>, <c>:Store</c>, <c>:Kernel</c>)
    /// once, for the node and the engine alike; unknown keys and bad values stop start-up naming the key.
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
        services.AddOptions<KernelOptions>().Bind(configuration.GetSection(KernelOptions.Section), o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NodeOptions>, LiveCasinoOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, LiveCasinoOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KernelOptions>, LiveCasinoOptionsValidator>());
        return services;
    }

    /// <summary>Marks that the typed sections are bound, so a second caller does not bind them twice.</summary>
    private sealed class OptionsBound;

    /// <summary>Adds a module's persisted types; they are registered before the store opens.</summary>
    public static IServiceCollection AddLiveCasinoEventTypes(this IServiceCollection services, string module, Action<EventSerializer> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new EventTypeRegistration(module, register));
        return services;
    }
}
