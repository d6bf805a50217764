using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Tests.Conformance;
using Xunit;

namespace LiveCasino.Stores.Tests.Postgres;

/// <summary>
/// The PostgreSQL journal in a schema of its own. Concurrency tests write through three journal
/// instances (three writer connections, as three nodes would) to exercise the offset-gap problem.
/// </summary>
public sealed class PostgresJournalTests(PostgresSchemaFixture database) : JournalConformance, IClassFixture<PostgresSchemaFixture>
{
    protected override int ConcurrentJournals => 3;

    protected override async Task<IJournal> OpenJournalAsync() => await PostgresJournal.OpenAsync(database.Options, Serializer, CancellationToken.None);

    /// <summary>Kills the writer's server backend (a crashed connection mid-batch), then disposes.</summary>
    protected override async Task CrashAsync(IJournal journal)
    {
        var postgres = (PostgresJournal)journal;
        var backend = postgres.WriterBackendProcessId;
        if (backend != 0)
        {
            await database.TerminateBackendAsync(backend);
        }

        await journal.DisposeAsync();
    }
}
