using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Tests.Conformance;
using Xunit;

namespace LiveCasino.Stores.Tests.Postgres;

public sealed class PostgresSnapshotStoreTests(PostgresSchemaFixture database) : SnapshotStoreConformance, IClassFixture<PostgresSchemaFixture>
{
    protected override async Task<ISnapshotStore> OpenStoreAsync() => await PostgresSnapshotStore.OpenAsync(database.Options, Serializer, CancellationToken.None);
}
