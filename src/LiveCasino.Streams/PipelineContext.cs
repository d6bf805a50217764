using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace LiveCasino.Streams;

/// <summary>
/// What the stages of one pipeline share: the stop token, the first failure, the stage list.
/// Stages are recorded while the flow is built and started together when a terminal
/// (ToSink / ToReader) runs it, so an unfinished builder never leaves pumps behind.
/// </summary>
internal sealed class PipelineContext : IDisposable
{
    private readonly List<Func<Task>> _starters = [];
    private readonly List<StageMetrics> _stages = [];
    private readonly CancellationTokenSource _stopping;
    private readonly CancellationToken _callerToken;
    private CancellationTokenRegistration _abortRegistration;
    private Exception? _failure;
    private int _started;

    public PipelineContext(PipelineOptions options, CancellationToken cancellationToken)
    {
        Options = options;
        _callerToken = cancellationToken;
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public PipelineOptions Options { get; }

    /// <summary>Cancelled when the pipeline must stop now: a failure, an abort, or the caller's token.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Cancelled when the source must stop reading and let the rest drain.</summary>
    public CancellationToken ShutdownRequested => Options.KillSwitch?.ShutdownRequested ?? CancellationToken.None;

    public IReadOnlyList<StageMetrics> Stages => _stages;

    /// <summary>Records the first failure and stops every stage; later failures are consequences.</summary>
    public void Fail(Exception error)
    {
        if (Interlocked.CompareExchange(ref _failure, error, null) is null)
        {
            _stopping.Cancel();
        }
    }

    public StageMetrics NewMetrics(string kind, string? name)
    {
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("The pipeline is already running; stages can only be added before ToSink/ToReader.");
        }

        var resolved = name ?? $"{kind}#{_stages.Count}";
        if (_stages.Any(s => s.Name == resolved))
        {
            throw new ArgumentException($"A stage named '{resolved}' already exists in this pipeline.", nameof(name));
        }

        var metrics = new StageMetrics(resolved);
        _stages.Add(metrics);
        return metrics;
    }

    /// <summary>The link every stage writes into unless it needs its own overflow behaviour.</summary>
    public Channel<T> NewLink<T>() =>
        Observed(Channel.CreateBounded<T>(new BoundedChannelOptions(Options.StageCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            // Continuations on the thread pool: a stage never runs inside another's write.
            AllowSynchronousContinuations = false,
        }));

    /// <summary>
    /// A link completed with an error faults its Completion task, which nobody else looks at:
    /// mark it observed so a failed pipeline never raises UnobservedTaskException.
    /// </summary>
    public static Channel<T> Observed<T>(Channel<T> link)
    {
        Observe(link.Reader.Completion);
        return link;
    }

    public static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Registers a stage pump; <paramref name="output"/> is completed when the pump ends, with its error if any.</summary>
    public void AddPump<T>(ChannelWriter<T>? output, Func<CancellationToken, Task> pump) =>
        _starters.Add(() => Task.Run(() => RunPumpAsync(output, pump)));

    public Task Run()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A pipeline runs once.");
        }

        if (Options.KillSwitch is { } killSwitch)
        {
            _abortRegistration = killSwitch.AbortRequested.Register(() => Fail(killSwitch.Reason!));
        }

        var pumps = _starters.Select(start => start()).ToArray();

        // The failure stays visible to whoever awaits Completion; a caller who never does must
        // not get an UnobservedTaskException for it.
        var completion = CompleteAsync(pumps);
        Observe(completion);
        return completion;
    }

    public void Dispose()
    {
        _abortRegistration.Dispose();
        _stopping.Dispose();
    }

    private async Task CompleteAsync(Task[] pumps)
    {
        try
        {
            // Pumps catch everything (RunPumpAsync), so this never throws: the verdict is below.
            await Task.WhenAll(pumps).ConfigureAwait(false);
        }
        finally
        {
            Dispose();
        }

        if (Volatile.Read(ref _failure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        _callerToken.ThrowIfCancellationRequested();
    }

    [SuppressMessage("Design", "CA1031", Justification = "A stage must turn every error into pipeline failure, never into an unobserved task.")]
    private async Task RunPumpAsync<T>(ChannelWriter<T>? output, Func<CancellationToken, Task> pump)
    {
        var token = Stopping;
        Exception? error = null;
        try
        {
            await pump(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped because of someone else's failure or the caller: pass the root cause on.
            error = Volatile.Read(ref _failure) ?? new OperationCanceledException(_callerToken);
        }
        catch (Exception ex)
        {
            Fail(ex);
            error = ex;
        }

        output?.TryComplete(error);
    }
}
