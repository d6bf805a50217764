using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Tests.Batching;

/// <summary>
/// Wraps a journal: the first WriteAsync signals <see cref="Entered"/> and every write waits for
/// <see cref="Open"/>, so a test can queue calls behind a batch in flight. Records batch sizes.
/// </summary>
internal sealed class GatedJournal(IJournal inner) : IJournal
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public List<int> BatchSizes { get; } = [];

    public Exception? Failure { get; init; }

    public void Open() => _open.TrySetResult();

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        BatchSizes.Add(writes.Count);
        _entered.TrySetResult();
        await _open.Task;
        if (Failure is not null)
        {
            throw Failure;
        }

        return await inner.WriteAsync(writes, cancellationToken);
    }

    public IAsyncEnumerable<PersistentEvent> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) => inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) => inner.DeleteEventsToAsync(persistenceId, toSequenceNr, cancellationToken);

    public Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken) =>
        inner.ReadTaggedAsync(tag, afterOffset, max, cancellationToken);

    public Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadPersistenceIdsAsync(afterPosition, max, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
