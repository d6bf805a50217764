using LiveCasino.Stores.Sqlite;
using LiveCasino.Stores.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Stores.Tests.Sqlite;

/// <summary>A journal file of another layout version is refused up front, with a message that says what to do.</summary>
public sealed class SqliteJournalLayoutTests(SqliteFileFixture file) : IClassFixture<SqliteFileFixture>
{
    [Fact]
    public async Task A_file_of_the_first_layout_is_refused_with_a_clear_error()
    {
        var options = file.Options;
        options.DataSource = Path.Combine(Path.GetDirectoryName(options.DataSource)!, "v1.db");
        await using (var connection = new SqliteConnection("Data Source=" + options.DataSource))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE journal_events (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, PRIMARY KEY (persistence_id, sequence_nr)) WITHOUT ROWID;";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteJournal.OpenAsync(options, TestSerializer.Create(), CancellationToken.None));
        Assert.Contains("layout version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("new data folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_a_current_file_keeps_its_events()
    {
        var options = file.Options;
        options.DataSource = Path.Combine(Path.GetDirectoryName(options.DataSource)!, "reopen.db");
        var serializer = TestSerializer.Create();
        await using (var journal = await SqliteJournal.OpenAsync(options, serializer, CancellationToken.None))
        {
            var results = await journal.WriteAsync([Events.Write("reopen", 1), Events.Write("reopen", 2)], CancellationToken.None);
            Assert.All(results, r => Assert.Equal(Stores.Journal.WriteStatus.Written, r.Status));
        }

        await using var reopened = await SqliteJournal.OpenAsync(options, serializer, CancellationToken.None);
        Assert.Equal(2, await reopened.ReadHighestSequenceNrAsync("reopen", CancellationToken.None));
    }
}
