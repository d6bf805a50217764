using Akka.Cluster;
using Akka.Configuration;
using Akka.Hosting;
using LiveCasino.Hosting.Options;
using LiveCasino.Sharding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Engine;

/// <summary>Runs the node's Akka.NET actor system on the .NET host (Akka.Hosting).</summary>
public static class LiveCasinoEngineExtensions
{
    /// <summary>The host configuration section whose keys override any Akka setting (<c>akka:cluster:split-brain-resolver:stable-after</c>, <c>Akka__loglevel</c>).</summary>
    public const string AkkaSection = "akka";

    /// <summary>
    /// Adds the actor system named after <see cref="NodeOptions.Name"/>: hocon/ files, the store and
    /// cluster address the typed <c>LiveCasino:Store</c> and <c>LiveCasino:Cluster</c> options chose, then every key under <c>akka</c> in the host
    /// configuration (environment <c>akka__loglevel=DEBUG</c>, command line
    /// <c>--akka:loglevel=DEBUG</c>) on top. Akka logs go to Microsoft.Extensions.Logging.
    /// With no seed nodes the node joins itself, a one-node cluster. <paramref name="configure"/> adds
    /// regions and actors.
    /// </summary>
    public static IServiceCollection AddLiveCasinoEngine(this IServiceCollection services, IConfiguration configuration, Action<AkkaConfigurationBuilder, IServiceProvider>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLiveCasinoOptions(configuration);
        var name = configuration.GetSection(NodeOptions.Section).GetValue<string>(nameof(NodeOptions.Name)) ?? new NodeOptions().Name;
        services.AddAkka(name, (builder, provider) =>
        {
            var node = provider.GetRequiredService<IOptions<NodeOptions>>().Value;
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            var clusterOptions = provider.GetRequiredService<IOptions<ClusterOptions>>().Value;
            Directory.CreateDirectory(node.DataDirectory);
            builder.AddHocon(EngineHocon.For(node, store, clusterOptions), HoconAddMode.Prepend);
            builder.AddHocon(ShardingConfig.Reference, HoconAddMode.Append);
            foreach (var part in provider.GetServices<EngineHoconPart>())
            {
                builder.AddHocon(ConfigurationFactory.ParseString(part.Hocon), HoconAddMode.Prepend);
            }

            var akka = configuration.GetSection(AkkaSection);
            if (akka.Exists())
            {
                builder.AddHocon(akka, HoconAddMode.Prepend);
            }

            builder.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            });
            builder.AddStartup((system, _) =>
            {
                var cluster = Cluster.Get(system);
                if (cluster.Settings.SeedNodes.Count == 0)
                {
                    cluster.Join(cluster.SelfAddress);
                }
            });
            configure?.Invoke(builder, provider);
        });
        services.AddHostedService<ClusterJoinWait>();
        return services;
    }

    /// <summary>Adds a module's Akka configuration (bindings, catalog) to the engine; see <see cref="EngineHoconPart"/>.</summary>
    public static IServiceCollection AddLiveCasinoEngineHocon(this IServiceCollection services, string module, string hocon)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(hocon);
        services.AddSingleton(new EngineHoconPart(module, hocon));
        return services;
    }
}
