using System.Diagnostics.CodeAnalysis;

namespace LiveCasino.Streams;

/// <summary>
/// Stops every pipeline it was given to, from outside. <see cref="Shutdown"/> stops reading the
/// source and lets what is already inside drain to the end (completion succeeds);
/// <see cref="Abort"/> stops every stage at once and fails the pipeline with the reason.
/// One switch may serve several pipelines. The first call wins; later calls do nothing.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The sources hold no timer or wait handle; a switch lives as long as its pipelines.")]
public sealed class KillSwitch
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly CancellationTokenSource _abort = new();
    private Exception? _reason;
    private int _tripped;

    public bool IsShutdown => _shutdown.IsCancellationRequested;

    public bool IsAborted => _abort.IsCancellationRequested;

    /// <summary>The exception given to <see cref="Abort"/>, once aborted.</summary>
    public Exception? Reason => Volatile.Read(ref _reason);

    internal CancellationToken ShutdownRequested => _shutdown.Token;

    internal CancellationToken AbortRequested => _abort.Token;

    /// <summary>Completes gracefully: no new input, buffered elements still reach the sink.</summary>
    public void Shutdown()
    {
        if (Interlocked.Exchange(ref _tripped, 1) == 0)
        {
            _shutdown.Cancel();
        }
    }

    /// <summary>Fails fast: every stage stops now and pipelines complete with <paramref name="reason"/>.</summary>
    public void Abort(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Interlocked.Exchange(ref _tripped, 1) == 0)
        {
            Volatile.Write(ref _reason, reason);
            _abort.Cancel();
        }
    }
}
