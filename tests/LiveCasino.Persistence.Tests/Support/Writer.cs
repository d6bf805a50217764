using Akka.Actor;
using Akka.Persistence;

namespace LiveCasino.Persistence.Tests.Support;

/// <summary>
/// A persistent actor for the conformance suite: persists what it is told, answers after the event
/// is stored, reports rejections and failures to a monitor, and tells what it recovered.
/// </summary>
public sealed class Writer : ReceivePersistentActor
{
    private readonly IActorRef _monitor;
    private readonly Recovery _recovery;
    private readonly List<string> _texts = [];
    private long? _snapshotSequenceNr;

    public Writer(string persistenceId, IActorRef monitor, Recovery? recovery)
    {
        PersistenceId = persistenceId;
        _monitor = monitor;
        _recovery = recovery ?? Recovery.Default;

        Recover<TestEvent>(e => _texts.Add(e.Text));
        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (TestSnapshot)offer.Snapshot;
            _texts.AddRange(snapshot.Text.Split(',', StringSplitOptions.RemoveEmptyEntries));
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<RecoveryCompleted>(_ => _monitor.Tell(new Recovered(PersistenceId, [.. _texts], LastSequenceNr, _snapshotSequenceNr)));

        Command<Write>(cmd => Persist(new TestEvent(cmd.Text, cmd.Tag), e =>
        {
            _texts.Add(e.Text);
            Sender.Tell(new Persisted(PersistenceId, e.Text, LastSequenceNr));
        }));
        Command<WriteAll>(cmd => PersistAll(cmd.Texts.Select(t => new TestEvent(t, cmd.Tag)), e =>
        {
            _texts.Add(e.Text);
            Sender.Tell(new Persisted(PersistenceId, e.Text, LastSequenceNr));
        }));
        Command<WriteWithUnserializable>(cmd => PersistAll<object>([new TestEvent(cmd.Before), new NotInCatalog(cmd.Bad), new TestEvent(cmd.After)], _ =>
            Sender.Tell(new Persisted(PersistenceId, "unexpected", LastSequenceNr))));
        Command<TakeSnapshot>(_ => SaveSnapshot(new TestSnapshot(string.Join(',', _texts), _texts.Count)));
        Command<SaveSnapshotSuccess>(s => _monitor.Tell(new SnapshotTaken(s.Metadata.SequenceNr)));
        Command<SaveSnapshotFailure>(f => _monitor.Tell(new Failed(PersistenceId, f.Cause.Message)));
        Command<GetState>(_ => Sender.Tell(new Recovered(PersistenceId, [.. _texts], LastSequenceNr, _snapshotSequenceNr)));
    }

    public override string PersistenceId { get; }

    public override Recovery Recovery => _recovery;

    public static Props Props(string persistenceId, IActorRef monitor, Recovery? recovery = null) =>
        Akka.Actor.Props.Create(() => new Writer(persistenceId, monitor, recovery));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _monitor.Tell(new Rejected(PersistenceId, sequenceNr, cause.Message));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _monitor.Tell(new Failed(PersistenceId, cause.Message));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    public sealed record Write(string Text, string? Tag = null);

    /// <summary>One PersistAll: stored all together or not at all.</summary>
    public sealed record WriteAll(IReadOnlyList<string> Texts, string? Tag = null);

    /// <summary>A PersistAll whose middle event cannot be serialized.</summary>
    public sealed record WriteWithUnserializable(string Before, string Bad, string After);

    public sealed record TakeSnapshot;

    public sealed record GetState;

    public sealed record Persisted(string PersistenceId, string Text, long SequenceNr);

    public sealed record Recovered(string PersistenceId, IReadOnlyList<string> Texts, long LastSequenceNr, long? SnapshotSequenceNr);

    public sealed record Rejected(string PersistenceId, long SequenceNr, string Reason);

    public sealed record Failed(string PersistenceId, string Reason);

    public sealed record SnapshotTaken(long SequenceNr);
}
