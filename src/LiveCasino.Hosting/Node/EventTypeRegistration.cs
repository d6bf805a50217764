using LiveCasino.Stores.Serialization;

namespace LiveCasino.Hosting.Node;

/// <summary>A module's persisted types (events, snapshots), registered on the node's serializer at start-up.</summary>
public sealed record EventTypeRegistration(string Module, Action<EventSerializer> Register);
