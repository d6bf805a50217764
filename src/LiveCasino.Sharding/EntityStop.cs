using Akka.Actor;

namespace LiveCasino.Sharding;

/// <summary>
/// The stop message every LiveCasino region gives its entities for passivation and handoff,
/// instead of Akka's default PoisonPill. It is queued behind the commands already in the entity's
/// mailbox, and a persistent entity stashes it while a persist is in flight, so the entity
/// finishes what it was given before it stops (akka.net issue 7090). An entity handles it with
/// <c>Context.Stop(Self)</c>. Sent by the shard to an entity on its own node: never serialized.
/// </summary>
public sealed class EntityStop : INoSerializationVerificationNeeded
{
    public static readonly EntityStop Instance = new();

    private EntityStop()
    {
    }

    public override string ToString() => nameof(EntityStop);
}
