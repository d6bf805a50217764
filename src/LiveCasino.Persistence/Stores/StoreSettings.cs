using Akka.Configuration;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Sqlite;

namespace LiveCasino.Persistence.Stores;

/// <summary>Which store a plugin opens, read once from its HOCON <c>store</c> section (hocon/persistence-livecasino.conf).</summary>
public sealed record StoreSettings(string Path, StoreKind Kind, SqliteStoreOptions? Sqlite, PostgresStoreOptions? Postgres, BatchingJournalOptions Batching)
{
    /// <summary>Reads and validates the section at <paramref name="path"/>; a bad value names its key.</summary>
    public static StoreSettings Read(Config root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!root.HasPath(path))
        {
            throw new ConfigurationException($"The store section '{path}' is missing from the configuration.");
        }

        var section = root.GetConfig(path);
        var batching = new BatchingJournalOptions
        {
            QueueCapacity = section.GetInt("batching.queue-capacity", 16_384),
            MaxBatchWrites = section.GetInt("batching.max-batch-writes", 1_000),
            MaxBatchEvents = section.GetInt("batching.max-batch-events", 4_000),
        };
        Validate(path, "batching", () => batching.Validate());
        var kind = section.GetString("kind", string.Empty);
        switch (kind)
        {
            case "sqlite":
                var sqlite = new SqliteStoreOptions
                {
                    DataSource = section.GetString("data-source", string.Empty),
                    Synchronous = section.GetString("synchronous", "full") switch
                    {
                        "full" => SqliteSynchronousMode.Full,
                        "normal" => SqliteSynchronousMode.Normal,
                        var other => throw new ConfigurationException($"{path}.synchronous is '{other}': use full or normal."),
                    },
                    BusyTimeout = section.GetTimeSpan("busy-timeout", TimeSpan.FromSeconds(5)),
                };
                Validate(path, "data-source, busy-timeout", () => sqlite.Validate());
                return new StoreSettings(path, StoreKind.Sqlite, sqlite, null, batching);
            case "postgres":
                var postgres = new PostgresStoreOptions
                {
                    ConnectionString = section.GetString("connection-string", string.Empty),
                    Schema = section.GetString("schema", "livecasino"),
                    AutoCreateSchema = section.GetBoolean("auto-create-schema", true),
                };
                Validate(path, "connection-string, schema", () => postgres.Validate());
                return new StoreSettings(path, StoreKind.Postgres, null, postgres, batching);
            case "memory":
                return new StoreSettings(path, StoreKind.Memory, null, null, batching);
            default:
                throw new ConfigurationException($"{path}.kind is '{kind}': use sqlite, postgres or memory.");
        }
    }

    private static void Validate(string path, string keys, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"{path} ({keys}): {ex.Message}", ex);
        }
    }
}

public enum StoreKind
{
    /// <summary>One embedded SQLite file: a single node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL schema shared by the nodes of a cluster.</summary>
    Postgres,

    /// <summary>Process memory, gone with the actor system: tests. Serializes every event like the real stores.</summary>
    Memory,

    /// <summary>Stores the host opened itself and handed over with <see cref="StoreRegistry.Provide"/>.</summary>
    Provided,
}
