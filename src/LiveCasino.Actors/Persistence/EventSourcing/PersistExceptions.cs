namespace LiveCasino.Actors.Persistence.EventSourcing;

/// <summary>
/// The journal refused the events (cannot serialize, too large). Nothing was stored and nothing
/// applied; the command handler is abandoned at the persist, and the actor carries on.
/// </summary>
public sealed class PersistRejectedException : Exception
{
    public PersistRejectedException(string persistenceId, long sequenceNr, Exception inner)
        : base($"Events of '{persistenceId}' from sequence {sequenceNr} were rejected: {inner.Message}", inner)
    {
    }
}

/// <summary>
/// Storing the events failed (store down, or another writer owns the entity). Whether they were
/// stored is unknown, so the instance must not go on: it fails, and supervision restarts it with
/// backoff, recovering the truth from the journal.
/// </summary>
public sealed class PersistFailedException : Exception
{
    public PersistFailedException(string persistenceId, long sequenceNr, Exception inner)
        : base($"Persisting '{persistenceId}' at sequence {sequenceNr} failed: {inner.Message}", inner)
    {
    }
}
