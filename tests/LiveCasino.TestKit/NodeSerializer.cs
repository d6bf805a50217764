using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.TestKit;

/// <summary>
/// The serializer of stores that outlive the test nodes started on them (a node restart, a crash):
/// events are (de)serialized through whichever node runs now, sharding's own state included.
/// </summary>
public sealed class NodeSerializer : IEventSerializer
{
    public IEventSerializer Current { get; set; } = null!;

    public SerializedPayload Serialize(object value) => Current.Serialize(value);

    public object Deserialize(string manifest, ReadOnlySpan<byte> bytes) => Current.Deserialize(manifest, bytes);
}
