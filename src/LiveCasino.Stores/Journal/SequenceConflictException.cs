namespace LiveCasino.Stores.Journal;

/// <summary>
/// A write used sequence numbers that are already stored: a second writer of the same entity.
/// The write fails loudly so two incarnations can never interleave their events.
/// </summary>
public sealed class SequenceConflictException : Exception
{
    public SequenceConflictException(string persistenceId, long sequenceNr, Exception? inner = null)
        : base($"Sequence number {sequenceNr} of '{persistenceId}' is already stored: another writer owns this entity.", inner)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    public string PersistenceId { get; }

    public long SequenceNr { get; }
}
