using System.Text.Json.Serialization;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence.EventSourcing;

namespace LiveCasino.Hosting.Tests;

public sealed record Tallied(int N);

[JsonSerializable(typeof(Tallied))]
internal sealed partial class TallyJson : JsonSerializerContext;

public abstract record TallyCmd
{
    public sealed record Add(int N, ActorRef<int> ReplyTo) : TallyCmd;

    public sealed record Get(ActorRef<int> ReplyTo) : TallyCmd;
}

/// <summary>The smallest event-sourced actor: proves a node's store keeps state across restarts.</summary>
public sealed class Tally(string id) : EventSourcedActor<TallyCmd, Tallied>
{
    private int _total;

    protected override string PersistenceId => "tally-" + id;

    protected override void ApplyEvent(Tallied @event) => _total += @event.N;

    protected override async ValueTask HandleCommandAsync(TallyCmd command)
    {
        switch (command)
        {
            case TallyCmd.Add add:
                await PersistAsync(new Tallied(add.N));
                add.ReplyTo.Tell(_total);
                break;
            case TallyCmd.Get get:
                get.ReplyTo.Tell(_total);
                break;
        }
    }
}
