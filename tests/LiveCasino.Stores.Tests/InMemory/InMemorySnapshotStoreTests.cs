using LiveCasino.Actors.Persistence.InMemory;
using LiveCasino.Actors.Persistence.Snapshots;
using LiveCasino.Stores.Tests.Conformance;

namespace LiveCasino.Stores.Tests.InMemory;

public sealed class InMemorySnapshotStoreTests : SnapshotStoreConformance
{
    protected override Task<ISnapshotStore> OpenStoreAsync() => Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore(Serializer));
}
