using Akka.Configuration;
using LiveCasino.Persistence.Configuration;
using Npgsql;

namespace LiveCasino.Bench.Journal;

/// <summary>
/// The journal plugins the bench compares, each configured from the node's hocon/ files on a fresh
/// database: LiveCasino's group-commit plugin and Akka.Persistence.Sql, on SQLite and PostgreSQL.
/// </summary>
public sealed class AkkaPlugins(StoreFactory factory, string? pg)
{
    public const string Ours = "livecasino";
    public const string AkkaSql = "akka-sql";

    private const string Bindings = """
        akka.loglevel = WARNING
        akka.actor.serialization-bindings { "LiveCasino.Bench.Journal.BenchEvent, LiveCasino.Bench" = livecasino }
        livecasino.serialization.catalogs.bench = "LiveCasino.Bench.Journal.BenchCatalog, LiveCasino.Bench"
        """;

    /// <summary>
    /// A configuration for <paramref name="plugin"/> on <paramref name="store"/> over a database no
    /// earlier run used; with <paramref name="cluster"/> a node's (cluster provider, sharding), for
    /// benches that run entities in regions.
    /// </summary>
    public async Task<Config> ConfigAsync(string plugin, string store, string label, bool cluster = false)
    {
        var config = (cluster ? HoconFiles.Load(HoconFiles.NodeFiles).WithFallback(Sharding.ShardingConfig.Reference) : HoconFiles.Load(HoconFiles.LocalFiles)).Overrides(Bindings);
        var name = $"bench_{plugin.Replace('-', '_')}_{label}_{Environment.ProcessId}";
        if (store == "sqlite")
        {
            var dir = Path.Combine(Path.GetTempPath(), "livecasino-bench");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, name + ".db");
            foreach (var f in Directory.GetFiles(dir, Path.GetFileName(file) + "*"))
            {
                File.Delete(f);
            }

            return plugin == Ours
                ? config.Overrides($"""
                    akka.persistence.journal.plugin = "livecasino.persistence.sqlite.journal"
                    akka.persistence.snapshot-store.plugin = "livecasino.persistence.sqlite.snapshot-store"
                    livecasino.persistence.sqlite.store.data-source = "{file}"
                    """)
                : config.Overrides(SqlPlugin("SQLite.MS", $"Data Source={file}"));
        }

        var connection = factory.PostgresConnection(pg);
        if (plugin == Ours)
        {
            return config.Overrides($"""
                akka.persistence.journal.plugin = "livecasino.persistence.postgres.journal"
                akka.persistence.snapshot-store.plugin = "livecasino.persistence.postgres.snapshot-store"
                livecasino.persistence.postgres.store.connection-string = "{connection}"
                livecasino.persistence.postgres.store.schema = {name}
                """);
        }

        // Akka.Persistence.Sql takes no schema setting here: a schema of its own first on the search path.
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {name}", db);
            await create.ExecuteNonQueryAsync();
        }

        return config.Overrides(SqlPlugin("PostgreSQL.15", new NpgsqlConnectionStringBuilder(connection) { SearchPath = name }.ConnectionString));
    }

    private static string SqlPlugin(string provider, string connection) => $$"""
        akka.persistence.journal.plugin = "akka.persistence.journal.sql"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
        akka.persistence.journal.sql { provider-name = "{{provider}}", connection-string = "{{connection}}" }
        akka.persistence.snapshot-store.sql { provider-name = "{{provider}}", connection-string = "{{connection}}" }
        akka.persistence.query.journal.sql { provider-name = "{{provider}}", connection-string = "{{connection}}" }
        """;
}
