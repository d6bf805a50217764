using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>
/// The terminal stage: one sink call at a time, so a slow sink backpressures the whole pipeline
/// through the bounded links. Optionally restarts with backoff when the sink throws.
/// </summary>
internal static class SinkStage
{
    public static Pipeline Attach<T>(Flow<T> upstream, Func<T, CancellationToken, ValueTask> sink, RestartOptions? restart, TimeProvider time, string? name)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        restart?.Validate();
        var context = upstream.Context;
        var metrics = context.NewMetrics("sink", name);
        var input = upstream.Take();
        context.AddPump<T>(output: null, token => RunAsync(input, sink, metrics, restart, time, token));
        return new Pipeline(context.Run(), context.Stages);
    }

    private static async Task RunAsync<T>(
        ChannelReader<T> input,
        Func<T, CancellationToken, ValueTask> sink,
        StageMetrics metrics,
        RestartOptions? restart,
        TimeProvider time,
        CancellationToken token)
    {
        var backoff = restart is null ? null : new Backoff(restart, time);
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            metrics.AddReceived();
            while (true)
            {
                try
                {
                    await CallAsync(sink, item, token).ConfigureAwait(false);
                    metrics.AddEmitted();
                    backoff?.Succeeded();
                    break;
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && token.IsCancellationRequested))
                {
                    metrics.AddFailure();
                    if (backoff?.Failed() is not { } delay)
                    {
                        // No restart policy, or its budget is spent: the sink's error fails the pipeline.
                        throw;
                    }

                    metrics.AddRestart();

                    // Start the timer before telling anyone, so an observer that advances the
                    // clock on hearing of the restart cannot miss it.
                    var wait = Task.Delay(delay, time, token);
                    restart!.OnRestart?.Invoke(new RestartAttempt(backoff.FailuresInARow, delay, ex));
                    await wait.ConfigureAwait(false);
                    if (restart.FailedElement == FailedElementPolicy.Skip)
                    {
                        metrics.AddSkipped();
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Calls the sink but stops waiting when the pipeline stops, so a sink that ignores its token
    /// cannot hold the pipeline open. An abandoned call's late error is observed, never unobserved.
    /// </summary>
    private static async Task CallAsync<T>(Func<T, CancellationToken, ValueTask> sink, T item, CancellationToken token)
    {
        var call = sink(item, token);
        if (call.IsCompletedSuccessfully)
        {
            return;
        }

        var task = call.AsTask();
        try
        {
            await task.WaitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && !task.IsCompleted)
        {
            PipelineContext.Observe(task);
            throw;
        }
    }
}
