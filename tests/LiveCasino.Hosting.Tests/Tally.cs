using Akka.Actor;
using Akka.Persistence;

namespace LiveCasino.Hosting.Tests;

/// <summary>
/// The smallest persistent actor: adds the numbers it is sent (each persisted) and answers the
/// total, so a test can prove a node's store keeps state across restarts of the host.
/// </summary>
public sealed class Tally : ReceivePersistentActor
{
    private int _total;

    public Tally(string id)
    {
        PersistenceId = "tally-" + id;
        Recover<int>(n => _total += n);
        Command<int>(n => Persist(n, stored =>
        {
            _total += stored;
            Sender.Tell(_total);
        }));
    }

    public override string PersistenceId { get; }

    public static Props Props(string id) => Akka.Actor.Props.Create(() => new Tally(id));
}
