using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;

namespace LiveCasino.Sharding.Tests.Support;

/// <summary>
/// A sharded persistent entity with the discipline every LiveCasino entity follows: the answer goes
/// out after the event is stored, a repeated operation id is answered as the first time and
/// applies nothing, and <see cref="EntityStop"/> stops it only after what was queued before.
/// </summary>
public sealed class TallyEntity : ReceivePersistentActor
{
    private readonly Dictionary<string, long> _answers = new(StringComparer.Ordinal);
    private long _total;

    public TallyEntity(string id)
    {
        PersistenceId = "tally-" + id;
        Recover<Applied>(Apply);
        Command<Add>(add =>
        {
            if (_answers.TryGetValue(add.OperationId, out var totalAfter))
            {
                Sender.Tell(new Added(add.OperationId, totalAfter));
                return;
            }

            Persist(new Applied(add.OperationId, add.Amount, _total + add.Amount), e =>
            {
                Apply(e);
                Sender.Tell(new Added(e.OperationId, e.TotalAfter));
            });
        });
        Command<GetTally>(_ => Sender.Tell(new Tally(_total, _answers.Count)));
        Command<Rest>(_ => Context.Parent.Tell(new Passivate(EntityStop.Instance)));
        Command<EntityStop>(_ => Context.Stop(Self));
    }

    public override string PersistenceId { get; }

    public static Props Props(string id) => Akka.Actor.Props.Create(() => new TallyEntity(id));

    private void Apply(Applied e)
    {
        _answers[e.OperationId] = e.TotalAfter;
        _total = e.TotalAfter;
    }
}
