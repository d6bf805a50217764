using System.Threading.Channels;

namespace LiveCasino.Streams.Tests.Support;

/// <summary>
/// A sink that reports every call, can be held shut (a slow consumer) and can fail on demand.
/// Holding honours the pipeline's token, as a well-behaved sink should.
/// </summary>
public sealed class SinkProbe<T>
{
    private readonly Channel<T> _calls = Channel.CreateUnbounded<T>();
    private readonly List<T> _accepted = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _attempts;

    public SinkProbe(bool open = true)
    {
        if (open)
        {
            _open.SetResult();
        }
    }

    /// <summary>Decides per call (element, attempt number from 1) whether to throw.</summary>
    public Func<T, int, Exception?>? FailWhen { get; init; }

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<T> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    public void Open() => _open.TrySetResult();

    public async ValueTask Invoke(T item, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        _calls.Writer.TryWrite(item);
        await _open.Task.WaitAsync(cancellationToken);
        if (FailWhen?.Invoke(item, attempt) is { } error)
        {
            throw error;
        }

        lock (_gate)
        {
            _accepted.Add(item);
        }
    }

    public Task<T> NextCallAsync(string what) => Bounded.ReadAsync(_calls.Reader, $"a sink call ({what})");
}
