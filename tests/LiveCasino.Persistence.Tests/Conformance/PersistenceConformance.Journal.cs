namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>The journal protocol behaviours of Akka's JournalSpec (the TCK package is not served here).</summary>
public abstract partial class PersistenceConformance
{
    private string FiveEvents(string name)
    {
        var pid = Pid(name);
        WriteEvents(pid, 1, 5);
        return pid;
    }

    [Fact]
    public void Journal_replays_all_events()
    {
        var pid = FiveEvents("all");
        Assert.Equal(Nrs(1, 5), Replay(pid).Replayed);
    }

    [Fact]
    public void Journal_replays_from_a_lower_bound()
    {
        var pid = FiveEvents("lower");
        Assert.Equal(Nrs(3, 5), Replay(pid, from: 3).Replayed);
    }

    [Fact]
    public void Journal_replays_to_an_upper_bound()
    {
        var pid = FiveEvents("upper");
        Assert.Equal(Nrs(1, 3), Replay(pid, to: 3).Replayed);
    }

    [Fact]
    public void Journal_replays_at_most_the_count_limit()
    {
        var pid = FiveEvents("limit");
        Assert.Equal(Nrs(1, 2), Replay(pid, max: 2).Replayed);
    }

    [Fact]
    public void Journal_replays_between_lower_and_upper_bounds()
    {
        var pid = FiveEvents("lower-upper");
        Assert.Equal(Nrs(2, 3), Replay(pid, from: 2, to: 3).Replayed);
    }

    [Fact]
    public void Journal_replays_between_bounds_up_to_the_count_limit()
    {
        var pid = FiveEvents("lower-upper-limit");
        Assert.Equal(Nrs(2, 4), Replay(pid, from: 2, to: 5, max: 3).Replayed);
    }

    [Fact]
    public void Journal_replays_a_single_event_when_lower_equals_upper()
    {
        var pid = FiveEvents("single-bound");
        Assert.Equal(Nrs(2, 2), Replay(pid, from: 2, to: 2).Replayed);
    }

    [Fact]
    public void Journal_replays_a_single_event_when_the_limit_is_one()
    {
        var pid = FiveEvents("single-limit");
        Assert.Equal(Nrs(2, 2), Replay(pid, from: 2, to: 4, max: 1).Replayed);
    }

    [Fact]
    public void Journal_replays_nothing_when_the_limit_is_zero()
    {
        var pid = FiveEvents("limit-zero");
        Assert.Empty(Replay(pid, max: 0).Replayed);
    }

    [Fact]
    public void Journal_replays_nothing_when_lower_is_above_upper()
    {
        var pid = FiveEvents("lower-above-upper");
        Assert.Empty(Replay(pid, from: 3, to: 2).Replayed);
    }

    [Fact]
    public void Journal_replays_nothing_for_an_id_never_written()
    {
        FiveEvents("written");
        var (replayed, highest) = Replay(Pid("never-written"));
        Assert.Empty(replayed);
        Assert.Equal(0, highest);
    }

    [Fact]
    public void Journal_does_not_replay_deleted_events()
    {
        var pid = FiveEvents("deleted");
        DeleteTo(pid, 3);
        Assert.Equal(Nrs(4, 5), Replay(pid).Replayed);
        Assert.Equal(Nrs(4, 5), Replay(pid, from: 2).Replayed);
    }

    [Fact]
    public void Journal_keeps_the_highest_nr_after_deleting_part()
    {
        var pid = FiveEvents("highest-after-delete");
        DeleteTo(pid, 3);
        Assert.Equal(5, Replay(pid).Highest);
    }

    [Fact]
    public void Journal_keeps_the_highest_nr_after_deleting_everything()
    {
        var pid = FiveEvents("highest-after-cleanup");
        DeleteTo(pid, long.MaxValue);
        var (replayed, highest) = Replay(pid);
        Assert.Empty(replayed);
        Assert.Equal(5, highest);
    }
}
