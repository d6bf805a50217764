using System.Collections.Concurrent;

namespace LiveCasino.Payments.Simulator;

/// <summary>
/// Background work the simulator owns: at most <c>capacity</c> tasks at once, all cancelled and
/// awaited on dispose, so nothing outlives the simulator.
/// </summary>
internal sealed class TrackedTasks(int capacity) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _ids;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts <paramref name="work"/>; false (and nothing started) when <c>capacity</c> tasks already run.</summary>
    public bool TryRun(Func<CancellationToken, Task> work)
    {
        if (Interlocked.Increment(ref _count) > capacity || _stopping.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        var id = Interlocked.Increment(ref _ids);
        var token = _stopping.Token;
        var task = Task.Run(() => RunAsync(work, token), CancellationToken.None);
        _running[id] = task;
        if (task.IsCompleted)
        {
            _running.TryRemove(id, out _);
        }

        _ = task.ContinueWith(
            static (_, state) =>
            {
                var (self, key) = ((TrackedTasks, long))state!;
                self._running.TryRemove(key, out Task? _);
                Interlocked.Decrement(ref self._count);
            },
            (this, id),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return true;
    }

    private static async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stopping)
    {
        try
        {
            await work(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: unfinished work dies with the simulator, as with a crashed provider.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
