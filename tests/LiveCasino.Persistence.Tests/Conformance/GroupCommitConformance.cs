using Akka.Actor;
using LiveCasino.Persistence.Stores;
using LiveCasino.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>
/// LiveCasino's durable group-commit plugins (SQLite, PostgreSQL): what a node stored survives the
/// node, and a crash in the middle of a batch loses nothing that was acknowledged and tears no
/// PersistAll apart. Each test writes in an actor system of its own and recovers in another.
/// </summary>
public abstract class GroupCommitConformance(PluginUnderTest plugin, string storePath, ITestOutputHelper output) : QueryConformance(plugin, output)
{
    private ActorSystem StartNode(string name) => ActorSystem.Create(name, ConfigFor(Plugin));

    [Fact]
    public async Task Events_and_snapshots_survive_a_stop_and_start_of_the_node()
    {
        var pid = Pid("survives");
        var node = StartNode("first-node");
        var monitor = CreateTestProbe(node);
        var (writer, _) = StartWriter(pid, monitor, system: node);
        writer.Tell(new Writer.WriteAll(["a", "b"]), monitor.Ref);
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "a");
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "b");
        writer.Tell(new Writer.TakeSnapshot());
        monitor.ExpectMsg<Writer.SnapshotTaken>();
        writer.Tell(new Writer.Write("c"), monitor.Ref);
        monitor.ExpectMsg<Writer.Persisted>(p => p.Text == "c");
        await node.Terminate();

        var recovered = Recover(pid);
        Assert.Equal(["a", "b", "c"], recovered.Texts);
        Assert.Equal(2, recovered.SnapshotSequenceNr);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task A_crash_mid_batch_keeps_every_acknowledged_event_and_no_torn_PersistAll()
    {
        const int actors = 40;
        const int roundsEach = 30;
        var node = StartNode("crashing-node");
        var monitor = CreateTestProbe(node);
        var writers = Enumerable.Range(0, actors).Select(a => (Pid: Pid($"crash-{a}"), Ref: StartWriter(Pid($"crash-{a}"), monitor, system: node).Writer)).ToList();

        // Each round is a PersistAll of three events; all rounds are queued at once.
        for (var r = 0; r < roundsEach; r++)
        {
            foreach (var (pid, writer) in writers)
            {
                writer.Tell(new Writer.WriteAll([$"{r}.1", $"{r}.2", $"{r}.3"]), monitor.Ref);
            }
        }

        // Let part of the work commit, then pull the database out from under the queue.
        var acknowledged = new Dictionary<string, List<string>>();
        for (var i = 0; i < actors * roundsEach; i++)
        {
            var ack = monitor.ExpectMsg<Writer.Persisted>();
            (acknowledged.TryGetValue(ack.PersistenceId, out var list) ? list : acknowledged[ack.PersistenceId] = []).Add(ack.Text);
        }

        var store = await StoreRegistry.For(node).GetAsync(storePath);
        await store.AbortAsync();
        // Writes failed by the abort stop their actors; acknowledgements already in the mailbox still count.
        foreach (var message in monitor.ReceiveWhile<object>(TimeSpan.FromSeconds(2), m => m))
        {
            if (message is Writer.Persisted ack)
            {
                (acknowledged.TryGetValue(ack.PersistenceId, out var list) ? list : acknowledged[ack.PersistenceId] = []).Add(ack.Text);
            }
        }

        await node.Terminate();

        foreach (var (pid, _) in writers)
        {
            var recovered = Recover(pid);
            var acked = acknowledged.GetValueOrDefault(pid) ?? [];
            Assert.True(recovered.Texts.Count >= acked.Count, $"{pid}: {acked.Count} acknowledged, {recovered.Texts.Count} recovered");
            Assert.Equal(acked, recovered.Texts.Take(acked.Count));
            Assert.Equal(recovered.Texts.Count, recovered.LastSequenceNr);
            Assert.True(recovered.Texts.Count % 3 == 0, $"{pid}: a PersistAll was torn ({recovered.Texts.Count} events)");
            var expected = Enumerable.Range(0, recovered.Texts.Count / 3).SelectMany(r => new[] { $"{r}.1", $"{r}.2", $"{r}.3" });
            Assert.Equal(expected, recovered.Texts);
        }
    }
}
