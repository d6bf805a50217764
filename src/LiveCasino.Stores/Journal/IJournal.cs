namespace LiveCasino.Stores.Journal;

/// <summary>
/// The event journal contract every store implements (in-memory, SQLite, PostgreSQL). Behaviour is
/// pinned by the conformance suite in tests/LiveCasino.Stores.Tests.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>
    /// Stores a batch of atomic writes, typically from many actors, in one transaction where the
    /// store allows it. Returns one result per write, in order. Writes of the same persistence id
    /// are applied in the order given. A unique (persistence id, sequence nr) violation fails only
    /// the offending write (<see cref="SequenceConflictException"/>), never the innocent writes of
    /// the batch. Throws only when the whole batch failed to store.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// Replays events of <paramref name="persistenceId"/> with fromSequenceNr &lt;= nr &lt;= toSequenceNr,
    /// ascending, at most <paramref name="max"/> of them, skipping deleted ones.
    /// </summary>
    IAsyncEnumerable<PersistentEvent> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken);

    /// <summary>Highest sequence number ever written for the id (deletion never lowers it); 0 if none.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Logically deletes events up to and including <paramref name="toSequenceNr"/>.</summary>
    Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>
    /// Events carrying <paramref name="tag"/> with an offset greater than <paramref name="afterOffset"/>,
    /// in ascending global offset, at most <paramref name="max"/>. The store guarantees that an event
    /// with a lower offset can never become visible after a higher one was returned (no gaps for a
    /// follower that resumes from the last offset it saw).
    /// </summary>
    Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Persistence ids in the order they were first written, each with its position in that order,
    /// after <paramref name="afterPosition"/>, at most <paramref name="max"/>. Like tag offsets, a
    /// position is never handed out below one already returned, so a follower resumes from the last.
    /// </summary>
    Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken);
}
