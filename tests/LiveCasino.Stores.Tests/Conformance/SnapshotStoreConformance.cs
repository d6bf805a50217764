using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Tests.Support;
using Xunit;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>The snapshot store contract (after Akka's SnapshotStoreSpec), run against every store.</summary>
public abstract class SnapshotStoreConformance : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private ISnapshotStore? _store;

    protected EventSerializer Serializer { get; } = TestSerializer.Create();

    private ISnapshotStore Store => _store ?? throw new InvalidOperationException("The snapshot store is not open.");

    protected abstract Task<ISnapshotStore> OpenStoreAsync();

    public async Task InitializeAsync() => _store = await OpenStoreAsync().Await("opening the snapshot store under test");

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().AsTask().Await("disposing the snapshot store under test");
        }
    }

    private string Pid(string name) => $"{name}-{_run}";

    private static SnapshotMetadata Meta(string pid, long nr) => new(pid, nr, Events.Epoch.AddSeconds(nr));

    private async Task<string> ThreeSnapshotsAsync()
    {
        var pid = Pid("snap");
        for (var nr = 1; nr <= 3; nr++)
        {
            await Store.SaveAsync(Meta(pid, nr * 10), new CounterState(pid, nr * 10), CancellationToken.None).Await($"saving snapshot {nr * 10} of {pid}");
        }

        return pid;
    }

    private Task<SelectedSnapshot?> LoadAsync(string pid, SnapshotCriteria criteria) =>
        Store.LoadAsync(pid, criteria, CancellationToken.None).Await($"loading a snapshot of {pid} with {criteria}");

    [Fact]
    public async Task Load_returns_the_latest_snapshot()
    {
        var pid = await ThreeSnapshotsAsync();
        var selected = await LoadAsync(pid, SnapshotCriteria.Latest);
        Assert.NotNull(selected);
        Assert.Equal(Meta(pid, 30), selected.Metadata);
        Assert.Equal(new CounterState(pid, 30), selected.State);
    }

    [Fact]
    public async Task Load_respects_the_max_sequence_nr()
    {
        var pid = await ThreeSnapshotsAsync();
        Assert.Equal(20, (await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 25)))?.Metadata.SequenceNr);
        Assert.Equal(20, (await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 20)))?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task Load_respects_the_min_sequence_nr()
    {
        var pid = await ThreeSnapshotsAsync();
        Assert.Equal(10, (await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 15, MinSequenceNr: 10)))?.Metadata.SequenceNr);
        Assert.Null(await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 15, MinSequenceNr: 11)));
    }

    [Fact]
    public async Task Load_with_criteria_that_match_nothing_returns_none()
    {
        var pid = await ThreeSnapshotsAsync();
        Assert.Null(await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 0)));
        Assert.Null(await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 9)));
    }

    [Fact]
    public async Task Load_and_delete_respect_the_timestamp_bounds()
    {
        // Meta(pid, nr) is created at Epoch + nr seconds.
        var pid = await ThreeSnapshotsAsync();
        Assert.Equal(20, (await LoadAsync(pid, new SnapshotCriteria { MaxTimestamp = Events.Epoch.AddSeconds(25) }))?.Metadata.SequenceNr);
        Assert.Equal(10, (await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 25) { MaxTimestamp = Events.Epoch.AddSeconds(15) }))?.Metadata.SequenceNr);
        Assert.Null(await LoadAsync(pid, new SnapshotCriteria { MinTimestamp = Events.Epoch.AddSeconds(31) }));

        await Store.DeleteAsync(pid, new SnapshotCriteria { MaxTimestamp = Events.Epoch.AddSeconds(20) }, CancellationToken.None).Await($"deleting snapshots of {pid} up to 20 s");
        Assert.Null(await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 25)));
        Assert.Equal(30, (await LoadAsync(pid, SnapshotCriteria.Latest))?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task Load_for_an_unknown_id_returns_none()
    {
        await ThreeSnapshotsAsync();
        Assert.Null(await LoadAsync(Pid("unknown"), SnapshotCriteria.Latest));
    }

    [Fact]
    public async Task Delete_by_criteria_removes_only_matching_snapshots()
    {
        var pid = await ThreeSnapshotsAsync();
        await Store.DeleteAsync(pid, new SnapshotCriteria(MaxSequenceNr: 20, MinSequenceNr: 15), CancellationToken.None).Await($"deleting snapshot 20 of {pid}");
        Assert.Equal(10, (await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 25)))?.Metadata.SequenceNr);
        Assert.Equal(30, (await LoadAsync(pid, SnapshotCriteria.Latest))?.Metadata.SequenceNr);

        await Store.DeleteAsync(pid, SnapshotCriteria.Latest, CancellationToken.None).Await($"deleting all snapshots of {pid}");
        Assert.Null(await LoadAsync(pid, SnapshotCriteria.Latest));
    }

    [Fact]
    public async Task Saving_at_the_same_sequence_nr_replaces_the_snapshot()
    {
        var pid = await ThreeSnapshotsAsync();
        await Store.SaveAsync(Meta(pid, 20), new CounterState("replaced", 99), CancellationToken.None).Await($"overwriting snapshot 20 of {pid}");
        var selected = await LoadAsync(pid, new SnapshotCriteria(MaxSequenceNr: 20));
        Assert.Equal(new CounterState("replaced", 99), selected?.State);
    }

    [Fact]
    public async Task Unregistered_state_is_refused()
    {
        var pid = Pid("unregistered");
        await Assert.ThrowsAsync<EventSerializationException>(() => Store.SaveAsync(Meta(pid, 1), new NotRegistered("x"), CancellationToken.None));
        Assert.Null(await LoadAsync(pid, SnapshotCriteria.Latest));
    }
}
