using LiveCasino.Stores.Sqlite;
using Xunit;

namespace LiveCasino.Stores.Tests.Sqlite;

public sealed class SqliteStoreOptionsTests
{
    [Fact]
    public void Defaults_are_full_sync_with_a_busy_timeout() =>
        Assert.Equal(SqliteSynchronousMode.Full, new SqliteStoreOptions { DataSource = "x.db" }.Validate().Synchronous);

    [Theory]
    [InlineData("")]
    [InlineData(":memory:")]
    public void Missing_or_in_memory_data_source_is_refused(string dataSource) =>
        Assert.ThrowsAny<ArgumentException>(() => new SqliteStoreOptions { DataSource = dataSource }.Validate());

    [Fact]
    public void Busy_timeout_out_of_range_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new SqliteStoreOptions { DataSource = "x.db", BusyTimeout = TimeSpan.Zero }.Validate());
        Assert.ThrowsAny<ArgumentException>(() => new SqliteStoreOptions { DataSource = "x.db", BusyTimeout = TimeSpan.FromHours(1) }.Validate());
    }
}
