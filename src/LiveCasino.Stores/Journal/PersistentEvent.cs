namespace LiveCasino.Stores.Journal;

/// <summary>
/// One event as the journal stores it. <see cref="Payload"/> is the domain event; the journal
/// serializes it through <see cref="Serialization.EventSerializer"/> unless <see cref="Serialized"/>
/// already carries the bytes (the event-sourced actor serializes up front so that a rejection is
/// known before the event is applied).
/// </summary>
public sealed record PersistentEvent(
    string PersistenceId,
    long SequenceNr,
    object Payload,
    DateTimeOffset Timestamp,
    IReadOnlyList<string> Tags,
    string WriterId)
{
    /// <summary>Bytes and stable type name, when already serialized.</summary>
    public SerializedPayload? Serialized { get; init; }

    /// <summary>Global position on the read side; 0 until the journal assigns one.</summary>
    public long Offset { get; init; }
}

/// <summary>A serialized event: a stable manifest (type name that never depends on CLR names) and UTF-8 JSON.</summary>
public sealed record SerializedPayload(string Manifest, ReadOnlyMemory<byte> Bytes);
