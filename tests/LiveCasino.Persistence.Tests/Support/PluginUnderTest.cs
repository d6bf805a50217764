using Akka.Configuration;
using LiveCasino.Persistence.Configuration;

namespace LiveCasino.Persistence.Tests.Support;

/// <summary>
/// One persistence plugin configuration the conformance suite runs against: the node's HOCON files,
/// the plugin selected, and the test types bound to LiveCasino's serializer.
/// </summary>
public sealed record PluginUnderTest(string Name, string JournalId, string SnapshotId, string? QueryId, string Hocon)
{
    private const string TestBindings = """
        akka.actor.serialization-bindings {
          "LiveCasino.Persistence.Tests.Support.ITestMessage, LiveCasino.Persistence.Tests" = livecasino
        }
        livecasino.serialization.catalogs.test = "LiveCasino.Persistence.Tests.Support.TestCatalog, LiveCasino.Persistence.Tests"
        akka.loglevel = WARNING
        """;

    public Config Config() =>
        HoconFiles.Load(HoconFiles.LocalFiles)
            .Overrides(TestBindings)
            .Overrides($$"""
                akka.persistence.journal.plugin = "{{JournalId}}"
                akka.persistence.snapshot-store.plugin = "{{SnapshotId}}"
                {{JournalId}} {
                  event-adapters { tagging = "LiveCasino.Persistence.Tests.Support.TaggingAdapter, LiveCasino.Persistence.Tests" }
                  event-adapter-bindings { "LiveCasino.Persistence.Tests.Support.TestEvent, LiveCasino.Persistence.Tests" = tagging }
                }
                """)
            .Overrides(Hocon);

    public static PluginUnderTest AkkaInMemory() => new(
        "akka-inmem", "akka.persistence.journal.inmem", "akka.persistence.snapshot-store.inmem", null, string.Empty);

    public static PluginUnderTest LiveCasinoMemory() => new(
        "livecasino-memory", "livecasino.persistence.memory.journal", "livecasino.persistence.memory.snapshot-store", "livecasino.persistence.memory.query", string.Empty);

    public static PluginUnderTest LiveCasinoSqlite(string file) => new(
        "livecasino-sqlite", "livecasino.persistence.sqlite.journal", "livecasino.persistence.sqlite.snapshot-store", "livecasino.persistence.sqlite.query",
        $"livecasino.persistence.sqlite.store.data-source = {Quote(file)}");

    public static PluginUnderTest LiveCasinoPostgres(string connectionString, string schema) => new(
        "livecasino-postgres", "livecasino.persistence.postgres.journal", "livecasino.persistence.postgres.snapshot-store", "livecasino.persistence.postgres.query",
        $"""
        livecasino.persistence.postgres.store.connection-string = {Quote(connectionString)}
        livecasino.persistence.postgres.store.schema = {schema}
        """);

    public static PluginUnderTest AkkaSql(string database, string providerName, string connectionString) => new(
        $"akka-sql-{database}", "akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql", "akka.persistence.query.journal.sql",
        $$"""
        akka.persistence.journal.sql { provider-name = {{Quote(providerName)}}, connection-string = {{Quote(connectionString)}} }
        akka.persistence.snapshot-store.sql { provider-name = {{Quote(providerName)}}, connection-string = {{Quote(connectionString)}} }
        akka.persistence.query.journal.sql { provider-name = {{Quote(providerName)}}, connection-string = {{Quote(connectionString)}} }
        """);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
