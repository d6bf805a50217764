using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Sqlite;
using LiveCasino.Stores.Tests.Conformance;
using Xunit;

namespace LiveCasino.Stores.Tests.Sqlite;

/// <summary>The SQLite journal with FULL sync, one database file for the class.</summary>
public sealed class SqliteJournalTests(SqliteFileFixture file) : JournalConformance, IClassFixture<SqliteFileFixture>
{
    protected override int ConcurrentJournals => 2;

    protected override async Task<IJournal> OpenJournalAsync() => await SqliteJournal.OpenAsync(file.Options, Serializer, CancellationToken.None);
}
