using LiveCasino.Persistence.Tests.Conformance;
using LiveCasino.Persistence.Tests.Support;
using LiveCasino.Stores.Tests.Postgres;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Plugins;

/// <summary>LiveCasino's plugin on process memory (the store tests of domain actors use).</summary>
public sealed class LiveCasinoMemoryConformance(ITestOutputHelper output)
    : QueryConformance(PluginUnderTest.LiveCasinoMemory(), output);

/// <summary>LiveCasino's plugin on SQLite, the one-node default.</summary>
public sealed class LiveCasinoSqliteConformance(TempFolder folder, ITestOutputHelper output)
    : GroupCommitConformance(PluginUnderTest.LiveCasinoSqlite(folder.File("livecasino.db")), "livecasino.persistence.sqlite.store", output), IClassFixture<TempFolder>;

/// <summary>LiveCasino's plugin on PostgreSQL, the cluster store. Fails when LIVECASINO_PG is not set.</summary>
public sealed class LiveCasinoPostgresConformance(PostgresSchemaFixture postgres, ITestOutputHelper output)
    : GroupCommitConformance(PluginUnderTest.LiveCasinoPostgres(postgres.ConnectionString, postgres.Schema), "livecasino.persistence.postgres.store", output), IClassFixture<PostgresSchemaFixture>;
