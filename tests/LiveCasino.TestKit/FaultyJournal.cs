using System.Runtime.CompilerServices;
using LiveCasino.Stores.Journal;

namespace LiveCasino.TestKit;

/// <summary>
/// Wraps a real journal and injects what stores do in production: failed writes, rejected writes,
/// writes held until the test releases them, and failed replays. Everything else passes through.
/// </summary>
public sealed class FaultyJournal(IJournal inner) : IJournal
{
    private readonly Lock _gate = new();
    private int _failWrites;
    private int _failReplays;
    private Func<PersistentEvent, bool>? _reject;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _writeArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _writeCalls;

    public int WriteCalls => Volatile.Read(ref _writeCalls);

    /// <summary>The next <paramref name="count"/> write calls throw (nothing stored).</summary>
    public void FailNextWrites(int count)
    {
        lock (_gate)
        {
            _failWrites = count;
        }
    }

    public void FailNextReplays(int count)
    {
        lock (_gate)
        {
            _failReplays = count;
        }
    }

    /// <summary>Atomic writes holding an event that matches are rejected as unserializable.</summary>
    public void RejectWhere(Func<PersistentEvent, bool>? predicate)
    {
        lock (_gate)
        {
            _reject = predicate;
        }
    }

    /// <summary>Writes wait until <see cref="ReleaseWrites"/>; returns a task that completes when a write arrives.</summary>
    public Task HoldWrites()
    {
        lock (_gate)
        {
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _writeArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _writeArrived.Task;
        }
    }

    public void ReleaseWrites()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        Interlocked.Increment(ref _writeCalls);
        TaskCompletionSource? hold;
        bool fail;
        Func<PersistentEvent, bool>? reject;
        lock (_gate)
        {
            hold = _hold;
            _writeArrived.TrySetResult();
            fail = _failWrites > 0;
            if (fail)
            {
                _failWrites--;
            }

            reject = _reject;
        }

        if (hold is not null)
        {
            await hold.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (fail)
        {
            throw new IOException("Injected journal write failure.");
        }

        if (reject is null)
        {
            return await inner.WriteAsync(writes, cancellationToken).ConfigureAwait(false);
        }

        var results = new WriteResult[writes.Count];
        var passed = new List<(int Index, AtomicWrite Write)>();
        for (var i = 0; i < writes.Count; i++)
        {
            if (writes[i].Events.Any(reject))
            {
                results[i] = WriteResult.Rejected(new InvalidOperationException("Injected rejection."));
            }
            else
            {
                passed.Add((i, writes[i]));
            }
        }

        var innerResults = await inner.WriteAsync(passed.Select(p => p.Write).ToList(), cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < passed.Count; j++)
        {
            results[passed[j].Index] = innerResults[j];
        }

        return results;
    }

    public async IAsyncEnumerable<PersistentEvent> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool fail;
        lock (_gate)
        {
            fail = _failReplays > 0;
            if (fail)
            {
                _failReplays--;
            }
        }

        if (fail)
        {
            throw new IOException("Injected journal replay failure.");
        }

        await foreach (var e in inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) => inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) => inner.DeleteEventsToAsync(persistenceId, toSequenceNr, cancellationToken);

    public Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken) => inner.ReadTaggedAsync(tag, afterOffset, max, cancellationToken);

    public Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken) =>
        inner.ReadPersistenceIdsAsync(afterPosition, max, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
