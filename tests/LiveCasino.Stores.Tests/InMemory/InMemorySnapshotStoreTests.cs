using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Tests.Conformance;

namespace LiveCasino.Stores.Tests.InMemory;

public sealed class InMemorySnapshotStoreTests : SnapshotStoreConformance
{
    protected override Task<ISnapshotStore> OpenStoreAsync() => Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore(Serializer));
}
