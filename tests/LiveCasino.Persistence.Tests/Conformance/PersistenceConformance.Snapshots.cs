using Akka.Persistence;
using LiveCasino.Persistence.Tests.Support;

namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>The snapshot-store protocol behaviours of Akka's SnapshotStoreSpec.</summary>
public abstract partial class PersistenceConformance
{
    private static readonly DateTime SnapshotEpoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Snapshots at nr 10, 20, 30, 40, 50, taken at epoch + nr seconds.</summary>
    private (string Pid, List<SnapshotMetadata> Saved) FiveSnapshots(string name)
    {
        var pid = Pid(name);
        var probe = CreateTestProbe();
        var saved = new List<SnapshotMetadata>();
        for (var nr = 10; nr <= 50; nr += 10)
        {
            var metadata = new SnapshotMetadata(pid, nr, SnapshotEpoch.AddSeconds(nr));
            SnapshotStore.Tell(new SaveSnapshot(metadata, new TestSnapshot($"s-{nr}", nr)), probe.Ref);
            saved.Add(probe.ExpectMsg<SaveSnapshotSuccess>(hint: $"saving snapshot {nr} of {pid}").Metadata);
        }

        return (pid, saved);
    }

    private SelectedSnapshot? Load(string pid, SnapshotSelectionCriteria criteria, long toSequenceNr = long.MaxValue)
    {
        var probe = CreateTestProbe();
        SnapshotStore.Tell(new LoadSnapshot(pid, criteria, toSequenceNr), probe.Ref);
        return probe.ExpectMsg<LoadSnapshotResult>(hint: $"loading a snapshot of {pid}").Snapshot;
    }

    [Fact]
    public void Snapshot_store_loads_nothing_for_an_unknown_id()
    {
        FiveSnapshots("known");
        Assert.Null(Load(Pid("unknown"), SnapshotSelectionCriteria.Latest));
    }

    [Fact]
    public void Snapshot_store_loads_nothing_when_no_timestamp_matches()
    {
        var (pid, _) = FiveSnapshots("no-time-match");
        Assert.Null(Load(pid, new SnapshotSelectionCriteria(long.MaxValue, SnapshotEpoch.AddSeconds(5))));
    }

    [Fact]
    public void Snapshot_store_loads_nothing_when_no_sequence_nr_matches()
    {
        var (pid, _) = FiveSnapshots("no-nr-match");
        Assert.Null(Load(pid, new SnapshotSelectionCriteria(9)));
        Assert.Null(Load(pid, SnapshotSelectionCriteria.Latest, toSequenceNr: 9));
    }

    [Fact]
    public void Snapshot_store_loads_the_most_recent_snapshot()
    {
        var (pid, saved) = FiveSnapshots("latest");
        var loaded = Load(pid, SnapshotSelectionCriteria.Latest);
        Assert.NotNull(loaded);
        Assert.Equal(50, loaded.Metadata.SequenceNr);
        Assert.Equal(new TestSnapshot("s-50", 50), loaded.Snapshot);
        Assert.Equal(saved[^1].PersistenceId, loaded.Metadata.PersistenceId);
    }

    [Fact]
    public void Snapshot_store_loads_the_most_recent_snapshot_below_a_sequence_nr_bound()
    {
        var (pid, _) = FiveSnapshots("below-nr");
        Assert.Equal(30, Load(pid, new SnapshotSelectionCriteria(35))?.Metadata.SequenceNr);
        Assert.Equal(30, Load(pid, SnapshotSelectionCriteria.Latest, toSequenceNr: 30)?.Metadata.SequenceNr);
    }

    [Fact]
    public void Snapshot_store_loads_the_most_recent_snapshot_within_sequence_nr_and_timestamp_bounds()
    {
        var (pid, _) = FiveSnapshots("below-nr-and-time");
        var loaded = Load(pid, new SnapshotSelectionCriteria(45, SnapshotEpoch.AddSeconds(25)));
        Assert.Equal(20, loaded?.Metadata.SequenceNr);
        Assert.Equal(new TestSnapshot("s-20", 20), loaded?.Snapshot);
    }

    [Fact]
    public void Snapshot_store_deletes_one_snapshot_by_its_metadata()
    {
        var (pid, saved) = FiveSnapshots("delete-one");
        var probe = CreateTestProbe();
        var target = saved[2]; // nr 30
        SnapshotStore.Tell(new DeleteSnapshot(target), probe.Ref);
        probe.ExpectMsg<DeleteSnapshotSuccess>();
        Assert.Equal(20, Load(pid, new SnapshotSelectionCriteria(30))?.Metadata.SequenceNr);
        Assert.Equal(50, Load(pid, SnapshotSelectionCriteria.Latest)?.Metadata.SequenceNr);
    }

    [Fact]
    public void Snapshot_store_deletes_every_snapshot_within_bounds()
    {
        var (pid, _) = FiveSnapshots("delete-many");
        var probe = CreateTestProbe();
        SnapshotStore.Tell(new DeleteSnapshots(pid, new SnapshotSelectionCriteria(30, SnapshotEpoch.AddSeconds(30))), probe.Ref);
        probe.ExpectMsg<DeleteSnapshotsSuccess>();
        Assert.Null(Load(pid, new SnapshotSelectionCriteria(30)));
        Assert.Equal(40, Load(pid, new SnapshotSelectionCriteria(45))?.Metadata.SequenceNr);
    }

    [Fact]
    public void Snapshot_store_keeps_snapshots_outside_the_timestamp_bound_of_a_delete()
    {
        var (pid, _) = FiveSnapshots("delete-none");
        var probe = CreateTestProbe();
        SnapshotStore.Tell(new DeleteSnapshots(pid, new SnapshotSelectionCriteria(30, SnapshotEpoch.AddSeconds(5))), probe.Ref);
        probe.ExpectMsg<DeleteSnapshotsSuccess>();
        Assert.Equal(30, Load(pid, new SnapshotSelectionCriteria(30))?.Metadata.SequenceNr);
    }

    [Fact]
    public void Snapshot_store_overwrites_a_snapshot_saved_again_at_the_same_nr()
    {
        var (pid, saved) = FiveSnapshots("overwrite");
        var probe = CreateTestProbe();
        SnapshotStore.Tell(new SaveSnapshot(saved[1], new TestSnapshot("again", 20)), probe.Ref);
        probe.ExpectMsg<SaveSnapshotSuccess>();
        Assert.Equal(new TestSnapshot("again", 20), Load(pid, new SnapshotSelectionCriteria(20))?.Snapshot);
    }

    [Fact]
    public void Snapshot_store_saves_and_loads_a_large_snapshot()
    {
        var pid = Pid("large");
        var big = new TestSnapshot(new string('x', 1_000_000), 1);
        var probe = CreateTestProbe();
        SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(pid, 1, SnapshotEpoch), big), probe.Ref);
        probe.ExpectMsg<SaveSnapshotSuccess>();
        Assert.Equal(big, Load(pid, SnapshotSelectionCriteria.Latest)?.Snapshot);
    }
}
