using System.Globalization;
using Akka.Configuration;
using LiveCasino.Hosting.Options;
using LiveCasino.Persistence.Configuration;

namespace LiveCasino.Hosting.Engine;

/// <summary>
/// The Akka configuration of a node, in layers (lowest first): hocon/ files, then what the node's
/// typed options decide (which journal plugin, where its database is), then the operator's Akka
/// keys from the host configuration (<c>akka:...</c>, applied by Akka.Hosting on top of these).
/// </summary>
public static class EngineHocon
{
    /// <summary>The hocon/ files, the store and the cluster address the typed options chose, as one configuration.</summary>
    public static Config For(NodeOptions node, StoreOptions store, ClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cluster);
        return HoconFiles.Load(HoconFiles.NodeFiles).Overrides(StoreOverrides(node, store)).Overrides(ClusterOverrides(node, cluster));
    }

    /// <summary>Where remoting listens and which members the node joins through (<see cref="ClusterOptions"/>).</summary>
    public static string ClusterOverrides(NodeOptions node, ClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(cluster);
        var seeds = cluster.SeedNodes.Select(seed =>
        {
            if (!ClusterOptionsValidator.TryParseSeed(seed, out var host, out var port))
            {
                throw new ArgumentException($"{ClusterOptions.Section}:SeedNodes '{seed}' must be host:port.", nameof(cluster));
            }

            return Quote(string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{node.Name}@{host}:{port}"));
        });
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.remote.dot-netty.tcp {
              hostname = {{Quote(cluster.Hostname)}}
              public-hostname = {{Quote(cluster.AdvertisedHostname)}}
              port = {{cluster.Port}}
            }
            akka.cluster.seed-nodes = [{{string.Join(", ", seeds)}}]
            """);
    }

    /// <summary>Selects our plugin family for the chosen store and points it at the node's database.</summary>
    public static string StoreOverrides(NodeOptions node, StoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(store);
        var batching = string.Create(CultureInfo.InvariantCulture, $$"""
            batching { queue-capacity = {{store.BatchQueueCapacity}}, max-batch-writes = {{store.BatchMaxWrites}}, max-batch-events = {{store.BatchMaxEvents}} }
            """);
        return store.Provider switch
        {
            StoreProvider.Sqlite => string.Create(CultureInfo.InvariantCulture, $$"""
                akka.persistence.journal.plugin = "livecasino.persistence.sqlite.journal"
                akka.persistence.snapshot-store.plugin = "livecasino.persistence.sqlite.snapshot-store"
                livecasino.persistence.sqlite.store {
                  data-source = {{Quote(HostedStores.SqlitePath(node, store))}}
                  synchronous = {{(store.SqliteSynchronous == LiveCasino.Stores.Sqlite.SqliteSynchronousMode.Full ? "full" : "normal")}}
                  busy-timeout = {{(long)store.SqliteBusyTimeout.TotalMilliseconds}}ms
                  {{batching}}
                }
                """),
            StoreProvider.Postgres => $$"""
                akka.persistence.journal.plugin = "livecasino.persistence.postgres.journal"
                akka.persistence.snapshot-store.plugin = "livecasino.persistence.postgres.snapshot-store"
                livecasino.persistence.postgres.store {
                  connection-string = {{Quote(store.PostgresConnectionString)}}
                  schema = {{Quote(store.PostgresSchema)}}
                  {{batching}}
                }
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(store), store.Provider, "Unknown store provider."),
        };
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
