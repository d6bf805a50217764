using Akka.Actor;
using Akka.Persistence;
using LiveCasino.Persistence.Tests.Conformance;
using LiveCasino.Persistence.Tests.Support;
using LiveCasino.Stores.Tests.Postgres;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Plugins;

/// <summary>
/// Akka's in-memory journal and snapshot store, the reference for the common behaviours. It keeps
/// object references and checks no sequence numbers, so the serializing behaviours are known gaps,
/// asserted as what it does; its read journal (Akka.Persistence.Query.InMemory) is not served here.
/// </summary>
public sealed class AkkaInMemoryConformance(ITestOutputHelper output)
    : PersistenceConformance(PluginUnderTest.AkkaInMemory(), output)
{
    [Fact]
    public void Known_gap_inmem_journal_replays_the_same_object_it_was_given()
    {
        var pid = Pid("reference");
        var original = new TestEvent("kept by reference");
        var probe = CreateTestProbe();
        Journal.Tell(new WriteMessages([new AtomicWrite(new Persistent(original, 1, pid, string.Empty, false, probe.Ref, "writer-1"))], probe.Ref, 1));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>();
        Journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, pid, probe.Ref));
        Assert.Same(original, probe.ExpectMsg<ReplayedMessage>().Persistent.Payload);
    }

    [Fact]
    public void Known_gap_inmem_journal_stores_an_event_no_serializer_can_write()
    {
        var pid = Pid("unserializable");
        var probe = CreateTestProbe();
        Journal.Tell(new WriteMessages([new AtomicWrite(new Persistent(new NotInCatalog("bad"), 1, pid, string.Empty, false, probe.Ref, "writer-1"))], probe.Ref, 1));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>();
    }

    [Fact]
    public void Known_gap_inmem_journal_lets_a_second_writer_store_the_same_sequence_nr()
    {
        var pid = Pid("two-writers");
        var firstMonitor = CreateTestProbe();
        var secondMonitor = CreateTestProbe();
        var (first, _) = StartWriter(pid, firstMonitor);
        var (second, _) = StartWriter(pid, secondMonitor);
        first.Tell(new Writer.Write("first"), firstMonitor.Ref);
        Assert.Equal(1, firstMonitor.ExpectMsg<Writer.Persisted>().SequenceNr);
        second.Tell(new Writer.Write("second"), secondMonitor.Ref);
        Assert.Equal(1, secondMonitor.ExpectMsg<Writer.Persisted>().SequenceNr);
    }
}

/// <summary>Akka.Persistence.Sql on SQLite (Microsoft.Data.Sqlite).</summary>
public sealed class AkkaSqlSqliteConformance(TempFolder folder, ITestOutputHelper output)
    : QueryConformance(PluginUnderTest.AkkaSql("sqlite", "SQLite.MS", $"Data Source={folder.File("akka-sql.db")}"), output), IClassFixture<TempFolder>;

/// <summary>Akka.Persistence.Sql on PostgreSQL (Npgsql). Fails when LIVECASINO_PG is not set.</summary>
public sealed class AkkaSqlPostgresConformance(PostgresSchemaFixture postgres, ITestOutputHelper output)
    : QueryConformance(PluginUnderTest.AkkaSql("postgres", "PostgreSQL.15", postgres.ConnectionStringInSchema), output), IClassFixture<PostgresSchemaFixture>;
