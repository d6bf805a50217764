using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Tests.Support;
using Xunit;
using static LiveCasino.Stores.Tests.Support.Events;

namespace LiveCasino.Stores.Tests.Conformance;

/// <summary>The 16 behaviours of Akka's journal TCK.</summary>
public abstract partial class JournalConformance
{
    private async Task<string> FiveEventsAsync()
    {
        var pid = Pid("tck");
        await WriteOneByOneAsync(pid, 5);
        return pid;
    }

    [Fact]
    public async Task Replay_all_events()
    {
        var pid = await FiveEventsAsync();
        var events = await ReplayAsync(pid);
        Assert.Equal(Range(1, 5), Numbers(events));
        Assert.Equal(Range(1, 5).Select(nr => $"{pid}#{nr}"), events.Select(TextOf));
    }

    [Fact]
    public async Task Replay_with_lower_bound()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(Range(3, 5), Numbers(await ReplayAsync(pid, from: 3)));
    }

    [Fact]
    public async Task Replay_with_upper_bound()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(Range(1, 3), Numbers(await ReplayAsync(pid, to: 3)));
    }

    [Fact]
    public async Task Replay_with_count_limit()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(Range(1, 2), Numbers(await ReplayAsync(pid, max: 2)));
    }

    [Fact]
    public async Task Replay_with_lower_and_upper_bound()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(Range(2, 3), Numbers(await ReplayAsync(pid, from: 2, to: 3)));
    }

    [Fact]
    public async Task Replay_with_lower_and_upper_bound_and_limit()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(Range(2, 4), Numbers(await ReplayAsync(pid, from: 2, to: 5, max: 3)));
    }

    [Fact]
    public async Task Replay_single_event_when_lower_equals_upper()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(new[] { 2L }, Numbers(await ReplayAsync(pid, from: 2, to: 2)));
    }

    [Fact]
    public async Task Replay_single_event_when_limit_is_one()
    {
        var pid = await FiveEventsAsync();
        Assert.Equal(new[] { 2L }, Numbers(await ReplayAsync(pid, from: 2, max: 1)));
    }

    [Fact]
    public async Task Replay_nothing_when_limit_is_zero()
    {
        var pid = await FiveEventsAsync();
        Assert.Empty(await ReplayAsync(pid, max: 0));
    }

    [Fact]
    public async Task Replay_nothing_when_lower_is_greater_than_upper()
    {
        var pid = await FiveEventsAsync();
        Assert.Empty(await ReplayAsync(pid, from: 3, to: 2));
    }

    [Fact]
    public async Task Replay_nothing_for_an_unwritten_id()
    {
        await FiveEventsAsync();
        Assert.Empty(await ReplayAsync(Pid("never-written")));
        Assert.Equal(0, await HighestAsync(Pid("never-written")));
    }

    [Fact]
    public async Task Deleted_range_is_not_replayed()
    {
        var pid = await FiveEventsAsync();
        await Journal.DeleteEventsToAsync(pid, 3, CancellationToken.None).Await($"deleting {pid} to 3");
        Assert.Equal(Range(4, 5), Numbers(await ReplayAsync(pid)));
        Assert.Equal(new[] { 4L }, Numbers(await ReplayAsync(pid, from: 2, to: 4)));
    }

    [Fact]
    public async Task Highest_sequence_nr_is_kept_after_delete()
    {
        var pid = await FiveEventsAsync();
        await Journal.DeleteEventsToAsync(pid, 3, CancellationToken.None).Await($"deleting {pid} to 3");
        Assert.Equal(5, await HighestAsync(pid));
    }

    [Fact]
    public async Task Highest_sequence_nr_is_kept_after_cleanup()
    {
        var pid = await FiveEventsAsync();
        await Journal.DeleteEventsToAsync(pid, long.MaxValue, CancellationToken.None).Await($"deleting all of {pid}");
        Assert.Empty(await ReplayAsync(pid));
        Assert.Equal(5, await HighestAsync(pid));

        // The entity carries on after its history was cleaned up.
        var next = await WriteAsync($"writing 6 of {pid} after cleanup", Write(pid, 6));
        Assert.Equal(WriteStatus.Written, next[0].Status);
        Assert.Equal(new[] { 6L }, Numbers(await ReplayAsync(pid)));
        Assert.Equal(6, await HighestAsync(pid));
    }

    [Fact]
    public async Task Events_are_serialized_by_manifest_and_round_trip()
    {
        var pid = Pid("serialize");
        var deposited = new Deposited("acc-1", 12_345, ["first", "ünïcødé"]);
        var written = new PersistentEvent(pid, 1, deposited, Epoch.AddMilliseconds(7), ["wallet", Tag("t")], "writer-7");
        var results = await WriteAsync($"writing {pid}", new AtomicWrite([written]));
        Assert.Equal(WriteStatus.Written, results[0].Status);

        var replayed = Assert.Single(await ReplayAsync(pid));
        var payload = Assert.IsType<Deposited>(replayed.Payload);
        Assert.Equal(deposited.Account, payload.Account);
        Assert.Equal(deposited.AmountMinor, payload.AmountMinor);
        Assert.Equal(deposited.Notes, payload.Notes);
        Assert.Equal(TestSerializer.DepositedManifest, replayed.Serialized?.Manifest);
        Assert.Equal(written.Timestamp, replayed.Timestamp);
        Assert.Equal(written.WriterId, replayed.WriterId);
        Assert.Equal(written.Tags, replayed.Tags);
        Assert.True(replayed.Offset > 0, "a stored event has a read-side offset");
    }

    [Fact]
    public async Task Pre_serialized_bytes_are_stored_as_given()
    {
        var pid = Pid("preserialized");
        var bytes = Serializer.Serialize(new Noted("made by the actor"));
        var e = Event(pid, 1, new Noted("made by the actor")) with { Serialized = bytes };
        await WriteAsync($"writing {pid}", new AtomicWrite([e]));
        var replayed = Assert.Single(await ReplayAsync(pid));
        Assert.Equal(bytes.Bytes.ToArray(), replayed.Serialized!.Bytes.ToArray());
        Assert.Equal("made by the actor", TextOf(replayed));
    }

    [Fact]
    public async Task Unserializable_event_is_rejected_while_the_writes_around_it_succeed()
    {
        var pid = Pid("reject");
        var results = await WriteAsync(
            $"writing a batch with an unregistered event for {pid}",
            Write(pid, 1),
            Write(pid, 2),
            Write(pid, 3, new NotRegistered("nope")),
            Write(pid, 4),
            Write(pid, 5));

        Assert.Equal(
            [WriteStatus.Written, WriteStatus.Written, WriteStatus.Rejected, WriteStatus.Written, WriteStatus.Written],
            results.Select(r => r.Status));
        Assert.IsType<EventSerializationException>(results[2].Error);
        Assert.Equal(new[] { 1L, 2L, 4L, 5L }, Numbers(await ReplayAsync(pid)));
    }
}
