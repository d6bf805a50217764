using System.Text.Json.Serialization;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Actors.Persistence.EventSourcing;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Serialization;
using LiveCasino.Actors.Tests.Support;
using LiveCasino.TestKit;

namespace LiveCasino.Actors.Tests;

public abstract record CounterEvent;

public sealed record Added(int N) : CounterEvent;

public sealed record NotRegistered(int N) : CounterEvent;

public sealed record CounterSnapshot(int Total);

[JsonSerializable(typeof(Added))]
[JsonSerializable(typeof(CounterSnapshot))]
internal sealed partial class CounterJson : JsonSerializerContext;

public abstract record CounterCmd
{
    public sealed record Add(int N, ActorRef<CounterReply> ReplyTo) : CounterCmd;

    public sealed record AddMany(int[] Ns, ActorRef<CounterReply> ReplyTo) : CounterCmd;

    public sealed record AddUnserializable(ActorRef<CounterReply> ReplyTo) : CounterCmd;

    public sealed record Get(ActorRef<CounterReply> ReplyTo) : CounterCmd;

    public sealed record DeleteAll(ActorRef<CounterReply> ReplyTo) : CounterCmd;
}

public sealed record CounterReply(int Total, long Seq, long RecoveredSnapshotNr, int Starts);

public sealed class Counter(string id, Func<int> starts) : EventSourcedActor<CounterCmd, CounterEvent>
{
    private readonly int _starts = starts();
    private int _total;
    private long _snapshotNr = -1;

    protected override string PersistenceId => "counter-" + id;

    protected override void ApplyEvent(CounterEvent @event) => _total += ((Added)@event).N;

    protected override object? CreateSnapshot() => new CounterSnapshot(_total);

    protected override void ApplySnapshot(object snapshot) => _total = ((CounterSnapshot)snapshot).Total;

    protected override void OnRecoveryCompleted() => _snapshotNr = _snapshotNr < 0 ? 0 : _snapshotNr;

    protected override async ValueTask HandleCommandAsync(CounterCmd command)
    {
        switch (command)
        {
            case CounterCmd.Add a:
                await PersistAsync(new Added(a.N));
                a.ReplyTo.Tell(Reply());
                break;
            case CounterCmd.AddMany m:
                await PersistAllAsync(m.Ns.Select(n => (CounterEvent)new Added(n)).ToList());
                m.ReplyTo.Tell(Reply());
                break;
            case CounterCmd.AddUnserializable u:
                await PersistAllAsync([new Added(100), new NotRegistered(1)]);
                u.ReplyTo.Tell(Reply()); // never reached: the persist is rejected
                break;
            case CounterCmd.Get g:
                g.ReplyTo.Tell(Reply());
                break;
            case CounterCmd.DeleteAll d:
                await DeleteEventsToAsync(LastSequenceNr);
                d.ReplyTo.Tell(Reply());
                break;
        }
    }

    private CounterReply Reply() => new(_total, LastSequenceNr, _snapshotNr, _starts);
}

public sealed class EventSourcedActorTests : KernelTest
{
    private readonly FaultyJournal _journal;
    private readonly InMemorySnapshotStore _snapshots;
    private int _starts;

    public EventSourcedActorTests()
    {
        var serializer = new EventSerializer()
            .Register("test.added.v1", CounterJson.Default.Added)
            .Register("test.counter-snapshot.v1", CounterJson.Default.CounterSnapshot);
        _journal = new FaultyJournal(new InMemoryJournal(serializer));
        _snapshots = new InMemorySnapshotStore(serializer);
        PersistenceExtension.Install(System, _journal, _snapshots, serializer, new PersistenceOptions { SnapshotEvery = 4 });
    }

    private ActorRef<CounterCmd> Spawn(string id, string? name = null) =>
        System.Spawn(Props.Create<CounterCmd>(() => new Counter(id, () => Interlocked.Increment(ref _starts))), name ?? "counter-" + id);

    private static Task<CounterReply> Ask(ActorRef<CounterCmd> counter, Func<ActorRef<CounterReply>, CounterCmd> build) =>
        Actors.Ask.AskExtensions.Ask(counter, build).WaitAsync(TimeSpan.FromSeconds(10));

    private async Task StopAsync(ActorRef actor)
    {
        ActorSystem.Stop(actor);
        await ActorSystem.WhenTerminated(actor).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task State_is_recovered_from_the_journal_by_a_new_incarnation()
    {
        var counter = Spawn("a");
        for (var i = 1; i <= 3; i++)
        {
            await Ask(counter, r => new CounterCmd.Add(i, r));
        }

        await StopAsync(counter);
        var again = await Ask(Spawn("a"), r => new CounterCmd.Get(r));
        Assert.Equal(6, again.Total);
        Assert.Equal(3, again.Seq);
    }

    [Fact]
    public async Task Recovery_starts_from_the_latest_snapshot_and_replays_the_rest()
    {
        var counter = Spawn("a");
        for (var i = 1; i <= 10; i++)
        {
            await Ask(counter, r => new CounterCmd.Add(i, r));
        }

        await StopAsync(counter);
        var snapshot = await _snapshots.LoadAsync("counter-a", LiveCasino.Stores.Snapshots.SnapshotCriteria.Latest, CancellationToken.None);
        Assert.Equal(8, snapshot!.Metadata.SequenceNr); // every 4 events
        var again = await Ask(Spawn("a"), r => new CounterCmd.Get(r));
        Assert.Equal(55, again.Total);
        Assert.Equal(10, again.Seq);
    }

    [Fact]
    public async Task Commands_wait_while_a_persist_is_in_flight()
    {
        var counter = Spawn("a");
        await Ask(counter, r => new CounterCmd.Get(r));
        var probe = Probe<CounterReply>();
        var writeArrived = _journal.HoldWrites();
        counter.Tell(new CounterCmd.Add(5, probe.Ref));
        counter.Tell(new CounterCmd.Get(probe.Ref));
        await writeArrived.WaitAsync(TimeSpan.FromSeconds(10));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        _journal.ReleaseWrites();
        Assert.Equal(5, (await probe.ExpectMessageAsync<CounterReply>("ack of Add")).Total);
        Assert.Equal(5, (await probe.ExpectMessageAsync<CounterReply>("Get sees the persisted event")).Total);
    }

    [Fact]
    public async Task PersistAll_is_atomic_and_a_rejection_applies_nothing_and_keeps_the_actor()
    {
        var counter = Spawn("a");
        Assert.Equal(3, (await Ask(counter, r => new CounterCmd.AddMany([1, 2], r))).Total);
        var probe = Probe<CounterReply>();
        counter.Tell(new CounterCmd.AddUnserializable(probe.Ref));
        counter.Tell(new CounterCmd.Get(probe.Ref));
        var after = await probe.ExpectMessageAsync<CounterReply>("Get after the rejected PersistAll");
        Assert.Equal(3, after.Total); // the registered Added(100) beside it was not applied either
        Assert.Equal(2, after.Seq); // sequence numbers stay contiguous
        Assert.Equal(1, after.Starts); // not restarted
        Assert.Equal(8, (await Ask(counter, r => new CounterCmd.Add(5, r))).Total);

        await StopAsync(counter);
        var recovered = await Ask(Spawn("a"), r => new CounterCmd.Get(r));
        Assert.Equal((8, 3L), (recovered.Total, recovered.Seq));
    }

    [Fact]
    public async Task A_failed_write_restarts_the_actor_with_backoff_and_it_recovers()
    {
        var counter = Spawn("a");
        await Ask(counter, r => new CounterCmd.Add(1, r));
        _journal.FailNextWrites(1);
        var probe = Probe<CounterReply>();
        counter.Tell(new CounterCmd.Add(10, probe.Ref));
        counter.Tell(new CounterCmd.Get(probe.Ref));
        await AdvanceWhenArmedAsync(TimeSpan.FromMilliseconds(150), what: "restart backoff timer");
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(50));
        Time.Advance(TimeSpan.FromMilliseconds(100)); // past the 200 ms (+ up to 20 % jitter) minimum
        var reply = await probe.ExpectMessageAsync<CounterReply>("Get after the restart");
        Assert.Equal((1, 1L, 2), (reply.Total, reply.Seq, reply.Starts));
    }

    [Fact]
    public async Task Highest_sequence_number_survives_deleting_every_event()
    {
        var counter = Spawn("b");
        await Ask(counter, r => new CounterCmd.AddMany([1, 1, 1], r));
        await Ask(counter, r => new CounterCmd.DeleteAll(r));
        await StopAsync(counter);
        var again = Spawn("b");
        Assert.Equal(3, (await Ask(again, r => new CounterCmd.Get(r))).Seq);
        Assert.Equal(4, (await Ask(again, r => new CounterCmd.Add(1, r))).Seq);
    }

    [Fact]
    public async Task A_second_writer_of_the_same_entity_fails_and_recovers_the_first_writers_events()
    {
        var first = Spawn("dup", "first");
        var second = Spawn("dup", "second");
        await Ask(first, r => new CounterCmd.Get(r));
        await Ask(second, r => new CounterCmd.Get(r));
        await Ask(first, r => new CounterCmd.Add(1, r));

        var probe = Probe<CounterReply>();
        second.Tell(new CounterCmd.Add(10, probe.Ref)); // uses sequence 1 again: conflict
        second.Tell(new CounterCmd.Get(probe.Ref));
        await AdvanceWhenArmedAsync(TimeSpan.FromSeconds(1), what: "restart backoff of the second writer");
        var reply = await probe.ExpectMessageAsync<CounterReply>("Get after the second writer recovered");
        Assert.Equal((1, 1L), (reply.Total, reply.Seq));
    }
}
