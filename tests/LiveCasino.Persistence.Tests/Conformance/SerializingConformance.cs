using Akka.Actor;
using Akka.Persistence;
using LiveCasino.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>
/// Behaviours of a plugin that really stores bytes and owns its sequence numbers: events cross
/// serialization, an event that cannot be serialized is rejected alone (the actor lives on), and a
/// second writer of the same id fails loudly. Akka's in-memory journal does none of these.
/// </summary>
public abstract class SerializingConformance(PluginUnderTest plugin, ITestOutputHelper output) : PersistenceConformance(plugin, output)
{
    [Fact]
    public void Journal_stores_events_as_bytes_and_replays_equal_copies()
    {
        var pid = Pid("bytes");
        var original = new TestEvent("stored as bytes");
        var probe = CreateTestProbe();
        Journal.Tell(new WriteMessages([new AtomicWrite(new Persistent(original, 1, pid, string.Empty, false, probe.Ref, "writer-1"))], probe.Ref, 1));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>();

        Journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, pid, probe.Ref));
        var replayed = probe.ExpectMsg<ReplayedMessage>().Persistent.Payload;
        Assert.Equal(original, replayed);
        Assert.NotSame(original, replayed);
    }

    [Fact]
    public void Event_that_cannot_be_serialized_is_rejected_and_the_actor_goes_on()
    {
        var pid = Pid("rejected");
        var monitor = CreateTestProbe();
        var (writer, _) = StartWriter(pid, monitor);
        writer.Tell(new Writer.Write("before"), monitor.Ref);
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "before");

        writer.Tell(new Writer.WriteWithUnserializable("x", "bad", "y"), monitor.Ref);
        monitor.FishForMessage<Writer.Rejected>(_ => true, hint: "a rejection for the PersistAll holding an unserializable event");

        writer.Tell(new Writer.Write("after"), monitor.Ref);
        var after = monitor.FishForMessage<Writer.Persisted>(p => p.Text == "after", hint: "the actor persists again after a rejection");
        Sys.Stop(writer);

        // Nothing of the rejected PersistAll was stored, not even its serializable events.
        var recovered = Recover(pid);
        Assert.Equal(["before", "after"], recovered.Texts);
        Assert.Equal(after.SequenceNr, recovered.LastSequenceNr);
    }

    [Fact]
    public void Journal_protocol_rejects_only_the_write_that_cannot_be_serialized()
    {
        var pid = Pid("reject-one");
        var probe = CreateTestProbe();
        Journal.Tell(
            new WriteMessages(
                [
                    new AtomicWrite(new Persistent(new TestEvent($"{pid}:1"), 1, pid, string.Empty, false, probe.Ref, "writer-1")),
                    new AtomicWrite(new Persistent(new NotInCatalog("bad"), 2, pid, string.Empty, false, probe.Ref, "writer-1")),
                    new AtomicWrite(new Persistent(new TestEvent($"{pid}:3"), 3, pid, string.Empty, false, probe.Ref, "writer-1")),
                ],
                probe.Ref,
                1));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        Assert.Equal(1, probe.ExpectMsg<WriteMessageSuccess>().Persistent.SequenceNr);
        Assert.Equal(2, probe.ExpectMsg<WriteMessageRejected>().Persistent.SequenceNr);
        Assert.Equal(3, probe.ExpectMsg<WriteMessageSuccess>().Persistent.SequenceNr);
        Assert.Equal([1L, 3L], Replay(pid).Replayed);
    }

    [Fact]
    public void Second_writer_of_an_id_fails_loudly_and_stores_nothing()
    {
        var pid = Pid("two-writers");
        var firstMonitor = CreateTestProbe();
        var secondMonitor = CreateTestProbe();
        var (first, _) = StartWriter(pid, firstMonitor);
        var (second, _) = StartWriter(pid, secondMonitor);
        Watch(second);

        first.Tell(new Writer.Write("first"), firstMonitor.Ref);
        firstMonitor.ExpectMsg<Writer.Persisted>(p => p.SequenceNr == 1);

        // Both recovered at nr 0, so the second writer's event is nr 1 again.
        second.Tell(new Writer.Write("second"), secondMonitor.Ref);
        secondMonitor.ExpectMsg<Writer.Failed>(hint: "the second writer's persist fails");
        ExpectTerminated(second);
        secondMonitor.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Sys.Stop(first);
        Assert.Equal(["first"], Recover(pid).Texts);
    }
}
