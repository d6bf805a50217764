using System.Collections.ObjectModel;
using System.Diagnostics;
using LiveCasino.Stores.Diagnostics;
using System.Threading.Channels;

namespace LiveCasino.Stores.Journal;

/// <summary>
/// Group commit in front of any journal: WriteAsync calls from many actors wait in one bounded FIFO
/// queue, and a single loop stores what is queued (up to the batch limits) with one inner
/// WriteAsync, so one transaction and one fsync carry hundreds of events. Each caller gets its own
/// results. FIFO plus a single loop means one actor's writes are never reordered. Reads pass through.
/// </summary>
public sealed class BatchingJournal : IJournal
{
    // Most calls are one atomic write that succeeds: they all share this immutable result.
    private static readonly IReadOnlyList<WriteResult> OneWritten = new ReadOnlyCollection<WriteResult>([WriteResult.Written]);

    private readonly IJournal _inner;
    private readonly BatchingJournalOptions _options;
    private readonly Channel<Request> _queue;
    private readonly Task _loop;
    private int _disposed;

    public BatchingJournal(IJournal inner, BatchingJournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _options = options.Validate();
        _queue = Channel.CreateBounded<Request>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>One queued call; it is its own completion source to save an allocation per call.</summary>
    private sealed class Request(IReadOnlyList<AtomicWrite> writes, int eventCount)
        : TaskCompletionSource<IReadOnlyList<WriteResult>>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public IReadOnlyList<AtomicWrite> Writes { get; } = writes;

        public int EventCount { get; } = eventCount;
    }

    /// <summary>
    /// Queues the writes and completes when the batch holding them is stored. The token only
    /// cancels waiting for queue space: once queued, the write is stored and the caller learns
    /// the outcome, because an abandoned write of unknown fate is worse than a late answer.
    /// </summary>
    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<WriteResult>>([]);
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromException<IReadOnlyList<WriteResult>>(Disposed());
        }

        var events = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            events += writes[i].Events.Count;
        }

        var request = new Request(writes, events);
        return _queue.Writer.TryWrite(request) ? request.Task : EnqueueWhenRoomAsync(request, cancellationToken);
    }

    private async Task<IReadOnlyList<WriteResult>> EnqueueWhenRoomAsync(Request request, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw Disposed();
        }

        return await request.Task.ConfigureAwait(false);
    }

    public IAsyncEnumerable<PersistentEvent> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        _inner.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _inner.DeleteEventsToAsync(persistenceId, toSequenceNr, cancellationToken);

    public Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken) =>
        _inner.ReadTaggedAsync(tag, afterOffset, max, cancellationToken);

    public Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken) =>
        _inner.ReadPersistenceIdsAsync(afterPosition, max, cancellationToken);

    /// <summary>
    /// Stops taking writes (new callers get <see cref="ObjectDisposedException"/>), stores every write
    /// already queued, then disposes the inner journal if <see cref="BatchingJournalOptions.DisposeInner"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
            await _loop.ConfigureAwait(false);
            if (_options.DisposeInner)
            {
                await _inner.DisposeAsync().ConfigureAwait(false);
            }
        }
        else
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Request>();
        var writes = new List<AtomicWrite>();
        Exception? crash = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var events = 0;
                while (reader.TryPeek(out var next))
                {
                    // The first call always goes, even when it alone exceeds a limit.
                    if (batch.Count > 0 &&
                        (writes.Count + next.Writes.Count > _options.MaxBatchWrites || events + next.EventCount > _options.MaxBatchEvents))
                    {
                        break;
                    }

                    reader.TryRead(out _);
                    batch.Add(next);
                    writes.AddRange(next.Writes);
                    events += next.EventCount;
                }

                await StoreAsync(batch, writes, events).ConfigureAwait(false);
                batch.Clear();
                writes.Clear();
            }
        }
        catch (Exception ex)
        {
            // A bug in the loop itself: nobody may be left waiting, so fail what is queued.
            crash = ex;
            foreach (var request in batch)
            {
                request.TrySetException(ex);
            }
        }
        finally
        {
            Volatile.Write(ref _disposed, 1);
            _queue.Writer.TryComplete();
            while (reader.TryRead(out var orphan))
            {
                orphan.TrySetException(crash ?? Disposed());
            }
        }
    }

    private async Task StoreAsync(List<Request> batch, List<AtomicWrite> writes, int events)
    {
        IReadOnlyList<WriteResult> results;
        try
        {
            // Not cancellable: the batch belongs to many callers and each must learn its outcome.
            // The inner journal must not keep the list after returning; it is reused for the next batch.
            var started = Stopwatch.GetTimestamp();
            results = await _inner.WriteAsync(writes, CancellationToken.None).ConfigureAwait(false);
            StoreMetrics.JournalWriteMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            StoreMetrics.JournalBatchEvents.Record(events);
            if (results.Count != writes.Count)
            {
                throw new InvalidOperationException($"The inner journal returned {results.Count} results for {writes.Count} writes.");
            }
        }
        catch (Exception ex)
        {
            foreach (var request in batch)
            {
                request.TrySetException(ex);
            }

            return;
        }

        var index = 0;
        foreach (var request in batch)
        {
            var count = request.Writes.Count;
            if (count == 1 && results[index].Status == WriteStatus.Written)
            {
                request.TrySetResult(OneWritten);
            }
            else
            {
                var own = new WriteResult[count];
                for (var i = 0; i < count; i++)
                {
                    own[i] = results[index + i];
                }

                request.TrySetResult(own);
            }

            index += count;
        }
    }

    private static ObjectDisposedException Disposed() =>
        new(nameof(BatchingJournal), "The batching journal is disposed: the write was not queued and nothing was stored.");
}
