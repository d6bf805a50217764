using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using LiveCasino.Persistence.Tests.Support;

namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>Persistent actors persisting and recovering through the plugin.</summary>
public abstract partial class PersistenceConformance
{
    [Fact]
    public void Actor_recovers_its_events_in_order()
    {
        var pid = Pid("recover");
        var monitor = CreateTestProbe();
        var (writer, _) = StartWriter(pid, monitor);
        foreach (var text in new[] { "a", "b", "c" })
        {
            writer.Tell(new Writer.Write(text), monitor.Ref);
            monitor.ExpectMsg<Writer.Persisted>(p => p.Text == text);
        }

        Sys.Stop(writer);
        var recovered = Recover(pid);
        Assert.Equal(["a", "b", "c"], recovered.Texts);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public void Actor_recovers_from_its_snapshot_and_the_events_after_it()
    {
        var pid = Pid("snapshot-recovery");
        var monitor = CreateTestProbe();
        var (writer, _) = StartWriter(pid, monitor);
        writer.Tell(new Writer.WriteAll(["a", "b", "c"]), monitor.Ref);
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "a");
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "b");
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "c");
        writer.Tell(new Writer.TakeSnapshot());
        Assert.Equal(3, monitor.ExpectMsg<Writer.SnapshotTaken>().SequenceNr);
        writer.Tell(new Writer.Write("d"), monitor.Ref);
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "d");

        Sys.Stop(writer);
        var recovered = Recover(pid);
        Assert.Equal(3, recovered.SnapshotSequenceNr);
        Assert.Equal(["a", "b", "c", "d"], recovered.Texts);
        Assert.Equal(4, recovered.LastSequenceNr);
    }

    [Fact]
    public void Actor_recovery_stops_at_an_upper_bound_and_a_count_limit()
    {
        var pid = Pid("bounded-recovery");
        WriteEvents(pid, 1, 5);
        var monitor = CreateTestProbe();
        var (_, upTo3) = StartWriter(pid, monitor, new Recovery(SnapshotSelectionCriteria.None, 3));
        Assert.Equal([$"{pid}:1", $"{pid}:2", $"{pid}:3"], upTo3.Texts);
        var (_, first2) = StartWriter(pid, monitor, new Recovery(SnapshotSelectionCriteria.None, long.MaxValue, 2));
        Assert.Equal([$"{pid}:1", $"{pid}:2"], first2.Texts);
    }

    [Fact]
    public void PersistAll_is_acknowledged_in_order_and_recovered_whole()
    {
        var pid = Pid("persist-all");
        var monitor = CreateTestProbe();
        var (writer, _) = StartWriter(pid, monitor);
        writer.Tell(new Writer.WriteAll(["x", "y", "z"]), monitor.Ref);
        Assert.Equal(
            [new Writer.Persisted(pid, "x", 1), new Writer.Persisted(pid, "y", 2), new Writer.Persisted(pid, "z", 3)],
            [monitor.ExpectMsg<Writer.Persisted>(), monitor.ExpectMsg<Writer.Persisted>(), monitor.ExpectMsg<Writer.Persisted>()]);
        Sys.Stop(writer);
        Assert.Equal(["x", "y", "z"], Recover(pid).Texts);
    }

    [Fact]
    public void Many_actors_writing_at_once_each_keep_their_own_order()
    {
        // Every command is sent without waiting, so the plugin sees many actors' writes at once
        // (one group-commit batch holds several actors) while each actor's order must hold.
        const int actors = 50;
        const int eventsEach = 20;
        var monitor = CreateTestProbe();
        var writers = new List<(string Pid, IActorRef Ref)>();
        for (var a = 0; a < actors; a++)
        {
            var pid = Pid($"busy-{a}");
            writers.Add((pid, StartWriter(pid, monitor).Writer));
        }

        for (var n = 1; n <= eventsEach; n++)
        {
            foreach (var (pid, writer) in writers)
            {
                writer.Tell(new Writer.Write($"{pid}#{n}"), monitor.Ref);
            }
        }

        var acknowledged = new Dictionary<string, List<Writer.Persisted>>();
        for (var i = 0; i < actors * eventsEach; i++)
        {
            var ack = monitor.ExpectMsg<Writer.Persisted>(hint: $"ack {i + 1} of {actors * eventsEach}");
            (acknowledged.TryGetValue(ack.PersistenceId, out var list) ? list : acknowledged[ack.PersistenceId] = []).Add(ack);
        }

        foreach (var (pid, writer) in writers)
        {
            var expected = Enumerable.Range(1, eventsEach).Select(n => $"{pid}#{n}").ToArray();
            Assert.Equal(expected, acknowledged[pid].Select(a => a.Text));
            Assert.Equal(Nrs(1, eventsEach), acknowledged[pid].Select(a => a.SequenceNr));
            Sys.Stop(writer);
            Assert.Equal(expected, Recover(pid).Texts);
        }
    }

    [Fact]
    public void Highest_nr_read_right_after_a_write_includes_that_write()
    {
        // A restarting actor may ask for its highest nr while its last write is still in flight;
        // the journal must answer after that write, or the actor would reuse its numbers.
        var pid = Pid("highest-in-flight");
        var probe = CreateTestProbe();
        var writes = Enumerable.Range(1, 200)
            .Select(nr => (IPersistentEnvelope)new AtomicWrite(new Persistent(new TestEvent($"{pid}:{nr}"), nr, pid, string.Empty, false, probe.Ref, "writer-1")))
            .ToImmutableList();
        Journal.Tell(new WriteMessages(writes, probe.Ref, 1));
        Journal.Tell(new ReplayMessages(1, long.MaxValue, 0, pid, probe.Ref));
        var highest = probe.FishForMessage<RecoverySuccess>(_ => true, hint: "the highest nr after the write");
        Assert.Equal(200, highest.HighestSequenceNr);
    }
}
