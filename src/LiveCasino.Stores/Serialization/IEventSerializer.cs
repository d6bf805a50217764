using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Serialization;

/// <summary>
/// Turns persisted objects into a stable manifest plus bytes and back. The stores call nothing else:
/// <see cref="EventSerializer"/> maps registered types to JSON; the Akka.Persistence plugins pass one
/// that goes through Akka's serialization (so sharding's own state is stored too).
/// </summary>
public interface IEventSerializer
{
    /// <summary>Serializes <paramref name="value"/>; throws <see cref="EventSerializationException"/> when it cannot.</summary>
    SerializedPayload Serialize(object value);

    /// <summary>The object stored under <paramref name="manifest"/>; throws <see cref="EventSerializationException"/> for an unknown one.</summary>
    object Deserialize(string manifest, ReadOnlySpan<byte> bytes);
}

public static class EventSerializerExtensions
{
    /// <summary>The event's bytes: those the writer already made, else the payload serialized now.</summary>
    public static SerializedPayload SerializeEvent(this IEventSerializer serializer, PersistentEvent persistentEvent)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(persistentEvent);
        return persistentEvent.Serialized ?? serializer.Serialize(persistentEvent.Payload);
    }
}
