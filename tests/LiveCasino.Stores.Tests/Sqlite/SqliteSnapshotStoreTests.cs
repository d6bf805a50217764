using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Sqlite;
using LiveCasino.Stores.Tests.Conformance;
using Xunit;

namespace LiveCasino.Stores.Tests.Sqlite;

public sealed class SqliteSnapshotStoreTests(SqliteFileFixture file) : SnapshotStoreConformance, IClassFixture<SqliteFileFixture>
{
    protected override async Task<ISnapshotStore> OpenStoreAsync() => await SqliteSnapshotStore.OpenAsync(file.Options, Serializer, CancellationToken.None);
}
