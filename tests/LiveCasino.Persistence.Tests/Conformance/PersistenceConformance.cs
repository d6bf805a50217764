using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.TestKit;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Persistence.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Persistence.Tests.Conformance;

/// <summary>
/// What every Akka.Persistence plugin LiveCasino may run on must do, checked through Akka's own
/// persistence API: the journal and snapshot-store protocols (as Akka's TCK does) and persistent
/// actors persisting and recovering. One subclass per plugin and database; behaviours only some
/// plugins have live in the subclasses below this one, and a plugin that lacks one says so in a
/// test named for the gap. Every test makes its own ids, so a class may share one database.
/// </summary>
public abstract partial class PersistenceConformance : Akka.TestKit.Xunit2.TestKit
{
    private const string TestSettings = """
        akka.test.single-expect-default = 15s
        akka.test.default-timeout = 15s
        """;

    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private int _instance;

    protected PersistenceConformance(PluginUnderTest plugin, ITestOutputHelper output)
        : base(ConfigFor(plugin), plugin.Name, output)
    {
        Plugin = plugin;
    }

    protected PluginUnderTest Plugin { get; }

    protected static Config ConfigFor(PluginUnderTest plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return plugin.Config().Overrides(TestSettings);
    }

    protected string Pid(string name) => $"{name}-{_run}";

    protected string TagOf(string name) => $"{name}-{_run}";

    protected IActorRef Journal => Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);

    protected IActorRef SnapshotStore => Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);

    /// <summary>Writes events nr <paramref name="from"/>..<paramref name="to"/> of <paramref name="pid"/>, one atomic write each, through the journal protocol.</summary>
    protected void WriteEvents(string pid, long from, long to, string writerGuid = "writer-1")
    {
        var probe = CreateTestProbe();
        var writes = new List<IPersistentEnvelope>();
        for (var nr = from; nr <= to; nr++)
        {
            writes.Add(new AtomicWrite(new Persistent(new TestEvent($"{pid}:{nr}"), nr, pid, string.Empty, false, probe.Ref, writerGuid)));
        }

        Journal.Tell(new WriteMessages(writes, probe.Ref, ++_instance));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        for (var nr = from; nr <= to; nr++)
        {
            var expected = nr;
            probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == expected, hint: $"write of {pid} nr {expected} acknowledged");
        }
    }

    /// <summary>Replays through the journal protocol: the sequence numbers replayed and the highest nr the journal reports.</summary>
    protected (long[] Replayed, long Highest) Replay(string pid, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var probe = CreateTestProbe();
        Journal.Tell(new ReplayMessages(from, to, max, pid, probe.Ref));
        var replayed = new List<long>();
        while (true)
        {
            var message = probe.ExpectMsg<object>(hint: $"replay of {pid} [{from}..{to}] max {max}");
            switch (message)
            {
                case ReplayedMessage m:
                    Assert.Equal(pid, m.Persistent.PersistenceId);
                    Assert.Equal(new TestEvent($"{pid}:{m.Persistent.SequenceNr}"), m.Persistent.Payload);
                    replayed.Add(m.Persistent.SequenceNr);
                    break;
                case RecoverySuccess done:
                    return ([.. replayed], done.HighestSequenceNr);
                case ReplayMessagesFailure failure:
                    throw new InvalidOperationException($"Replay of {pid} failed: {failure.Cause.Message}", failure.Cause);
                default:
                    throw new InvalidOperationException($"Unexpected reply during replay of {pid}: {message}");
            }
        }
    }

    protected void DeleteTo(string pid, long toSequenceNr)
    {
        var probe = CreateTestProbe();
        Journal.Tell(new DeleteMessagesTo(pid, toSequenceNr, probe.Ref));
        probe.ExpectMsg<DeleteMessagesSuccess>(m => m.ToSequenceNr == toSequenceNr, hint: $"deletion of {pid} to {toSequenceNr}");
    }

    protected static long[] Nrs(long from, long to) => [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i)];

    /// <summary>Starts a <see cref="Writer"/> and waits until it has recovered.</summary>
    protected (IActorRef Writer, Writer.Recovered Recovered) StartWriter(string pid, TestProbe monitor, Recovery? recovery = null, ActorSystem? system = null)
    {
        var writer = (system ?? Sys).ActorOf(Writer.Props(pid, monitor.Ref, recovery));
        var recovered = monitor.ExpectMsg<Writer.Recovered>(r => r.PersistenceId == pid, hint: $"recovery of {pid}");
        return (writer, recovered);
    }

    /// <summary>Recovers <paramref name="pid"/> in a fresh actor and returns what it saw.</summary>
    protected Writer.Recovered Recover(string pid, ActorSystem? system = null)
    {
        var monitor = CreateTestProbe(system ?? Sys);
        var (writer, recovered) = StartWriter(pid, monitor, system: system);
        (system ?? Sys).Stop(writer);
        return recovered;
    }

    protected static ImmutableArray<string> Texts(params string[] texts) => [.. texts];
}
