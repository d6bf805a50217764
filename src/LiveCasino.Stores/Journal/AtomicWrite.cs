namespace LiveCasino.Stores.Journal;

/// <summary>
/// Events of one persistence id that are stored all together or not at all (PersistAll).
/// Sequence numbers are contiguous and ascending.
/// </summary>
public sealed record AtomicWrite
{
    public AtomicWrite(IReadOnlyList<PersistentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An atomic write holds at least one event.", nameof(events));
        }

        var pid = events[0].PersistenceId;
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].PersistenceId != pid)
            {
                throw new ArgumentException("All events of an atomic write belong to one persistence id.", nameof(events));
            }

            if (events[i].SequenceNr != events[i - 1].SequenceNr + 1)
            {
                throw new ArgumentException("Sequence numbers of an atomic write are contiguous.", nameof(events));
            }
        }

        Events = events;
    }

    public IReadOnlyList<PersistentEvent> Events { get; }

    public string PersistenceId => Events[0].PersistenceId;

    public long LowestSequenceNr => Events[0].SequenceNr;

    public long HighestSequenceNr => Events[^1].SequenceNr;
}
