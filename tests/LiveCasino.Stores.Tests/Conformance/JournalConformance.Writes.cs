using LiveCasino.Stores.Journal;
using Xunit;
using LiveCasino.Stores.Tests.Support;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>Atomic PersistAll and second-writer conflicts isolated to the offending write.</summary>
public abstract partial class JournalConformance
{
    [Fact]
    public async Task Atomic_write_of_several_events_is_stored_whole()
    {
        var pid = Pid("atomic");
        var tag = Tag("atomic");
        var results = await WriteAsync($"writing 1..3 of {pid} atomically", WriteRange(pid, 1, 3, tag));
        Assert.Equal(WriteStatus.Written, Assert.Single(results).Status);
        Assert.Equal(Range(1, 3), Numbers(await ReplayAsync(pid)));
        Assert.Equal(3, await HighestAsync(pid));

        var tagged = await ReadAllTaggedAsync(tag);
        Assert.Equal(Range(1, 3), Numbers(tagged));
        Assert.True(tagged.Zip(tagged.Skip(1)).All(((PersistentEvent First, PersistentEvent Second) p) => p.First.Offset < p.Second.Offset), "offsets of one atomic write ascend with the sequence nr");
    }

    [Fact]
    public async Task Rejected_atomic_write_stores_none_of_its_events()
    {
        var pid = Pid("atomic-rejected");
        var events = new[] { Event(pid, 1), Event(pid, 2, new NotRegisteredPayload()), Event(pid, 3) };
        var other = Pid("atomic-rejected-neighbour");
        var results = await WriteAsync($"writing a rejected atomic write of {pid}", new AtomicWrite(events), Write(other, 1));

        Assert.Equal(WriteStatus.Rejected, results[0].Status);
        Assert.Equal(WriteStatus.Written, results[1].Status);
        Assert.Empty(await ReplayAsync(pid));
        Assert.Equal(0, await HighestAsync(pid));
        Assert.Equal(new[] { 1L }, Numbers(await ReplayAsync(other)));
    }

    [Fact]
    public async Task Second_writer_fails_with_conflict_and_innocent_writes_of_the_batch_succeed()
    {
        var pid = Pid("owned");
        await WriteOneByOneAsync(pid, 3);
        var before = Pid("innocent-before");
        var after = Pid("innocent-after");
        var stale = new AtomicWrite([Event(pid, 3, new Noted("from a second incarnation")), Event(pid, 4)]);

        var results = await WriteAsync($"writing a batch with a stale write of {pid}", Write(before, 1), stale, Write(after, 1), WriteRange(after, 2, 3));

        Assert.Equal(new[] { WriteStatus.Written, WriteStatus.Failed, WriteStatus.Written, WriteStatus.Written }, results.Select(r => r.Status));
        var conflict = Assert.IsType<SequenceConflictException>(results[1].Error);
        Assert.Equal(pid, conflict.PersistenceId);
        Assert.Equal(Range(1, 3).Select(nr => $"{pid}#{nr}"), (await ReplayAsync(pid)).Select(TextOf));
        Assert.Equal(3, await HighestAsync(pid));
        Assert.Equal(new[] { 1L }, Numbers(await ReplayAsync(before)));
        Assert.Equal(Range(1, 3), Numbers(await ReplayAsync(after)));
    }

    [Fact]
    public async Task Duplicate_numbers_within_one_batch_fail_only_the_later_write()
    {
        var pid = Pid("duplicate");
        var results = await WriteAsync($"writing {pid} 1 twice in one batch", Write(pid, 1), Write(pid, 1, new Noted("duplicate")), Write(pid, 2));
        Assert.Equal(new[] { WriteStatus.Written, WriteStatus.Failed, WriteStatus.Written }, results.Select(r => r.Status));
        Assert.IsType<SequenceConflictException>(results[1].Error);
        Assert.Equal(new[] { $"{pid}#1", $"{pid}#2" }, (await ReplayAsync(pid)).Select(TextOf));
    }

    [Fact]
    public async Task Writing_into_a_deleted_range_is_a_conflict()
    {
        var pid = Pid("deleted-range");
        await WriteOneByOneAsync(pid, 5);
        await Journal.DeleteEventsToAsync(pid, 4, CancellationToken.None).Await($"deleting {pid} to 4");

        var results = await WriteAsync($"rewriting 3 of {pid}", Write(pid, 3), Write(Pid("deleted-range-neighbour"), 1));
        Assert.Equal(WriteStatus.Failed, results[0].Status);
        Assert.IsType<SequenceConflictException>(results[0].Error);
        Assert.Equal(WriteStatus.Written, results[1].Status);
        Assert.Equal(new[] { 5L }, Numbers(await ReplayAsync(pid)));
    }

    [Fact]
    public async Task Delete_beyond_highest_does_not_swallow_future_writes()
    {
        var pid = Pid("delete-ahead");
        await WriteOneByOneAsync(pid, 2);
        await Journal.DeleteEventsToAsync(pid, 100, CancellationToken.None).Await($"deleting {pid} to 100");
        var results = await WriteAsync($"writing 3 of {pid}", Write(pid, 3));
        Assert.Equal(WriteStatus.Written, results[0].Status);
        Assert.Equal(new[] { 3L }, Numbers(await ReplayAsync(pid)));
    }

    [Fact]
    public async Task Deleted_events_leave_the_tag_stream()
    {
        var pid = Pid("tag-delete");
        var tag = Tag("tag-delete");
        await WriteAsync($"writing tagged {pid}", Write(pid, 1, null, tag), Write(pid, 2, null, tag), Write(pid, 3, null, tag));
        await Journal.DeleteEventsToAsync(pid, 2, CancellationToken.None).Await($"deleting {pid} to 2");
        Assert.Equal(new[] { 3L }, Numbers(await ReadAllTaggedAsync(tag)));
    }

    private sealed record NotRegisteredPayload;
}
