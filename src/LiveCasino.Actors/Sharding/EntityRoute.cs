using LiveCasino.Actors.Core;

namespace LiveCasino.Actors.Sharding;

/// <summary>A ref that always goes through the region, so it stays valid across passivation and restarts.</summary>
internal sealed class EntityRoute<T>(EntityRegion<T> region, string entityId) : IMessageSink<T>
    where T : notnull
{
    public bool Post(T message) => region.Tell(entityId, message);
}
