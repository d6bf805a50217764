using System.Threading.Channels;

namespace LiveCasino.Streams.Stages;

/// <summary>
/// Holds elements that arrive ahead of the expected number and releases them in order. A gap
/// timer runs only while something is held, for the number expected when it started.
/// </summary>
internal static class ReorderStage
{
    public static Flow<T> Attach<T>(Flow<T> upstream, Func<T, long> sequence, ReorderOptions options, TimeProvider time, Action<SequenceGap>? onGap, string? name)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        return StageLink.Add<T, T>(upstream, "reorder", name, (input, output, metrics, token) =>
            new Reorderer<T>(output, metrics, sequence, options, onGap).RunAsync(input, time, token));
    }

    private sealed class Reorderer<T>(ChannelWriter<T> output, StageMetrics metrics, Func<T, long> sequence, ReorderOptions options, Action<SequenceGap>? onGap)
    {
        private readonly SortedDictionary<long, T> _held = [];
        private long? _next = options.FirstSequence;

        public async Task RunAsync(ChannelReader<T> input, TimeProvider time, CancellationToken token)
        {
            GapTimer? timer = null;
            try
            {
                while (true)
                {
                    // A timer serves the gap at the number expected when it started; once that
                    // gap is filled or declared, a later gap gets its own full timeout.
                    if (timer is not null && (_held.Count == 0 || timer.Expired || timer.WaitsFor != _next))
                    {
                        timer.Dispose();
                        timer = null;
                    }

                    if (input.TryRead(out var item))
                    {
                        metrics.AddReceived();
                        await AcceptAsync(item, token).ConfigureAwait(false);
                        continue;
                    }

                    if (_held.Count > 0)
                    {
                        timer ??= new GapTimer(_next!.Value, options.GapTimeout, time, token);
                    }

                    try
                    {
                        if (!await input.WaitToReadAsync(timer?.Token ?? token).ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException) when (timer is { Expired: true } && !token.IsCancellationRequested)
                    {
                        await DeclareGapAsync(token).ConfigureAwait(false);
                    }
                }

                // Upstream completed: nothing will fill the gaps now; release what is held.
                while (_held.Count > 0)
                {
                    await DeclareGapAsync(token).ConfigureAwait(false);
                }
            }
            finally
            {
                timer?.Dispose();
            }
        }

        private async Task AcceptAsync(T item, CancellationToken token)
        {
            var number = sequence(item);
            _next ??= number;
            if (number < _next || _held.ContainsKey(number))
            {
                // A repeat, or too late: its place in the order is gone.
                metrics.AddLate();
                return;
            }

            if (number > _next)
            {
                _held.Add(number, item);

                // Bounded: rather than hold more than MaxPending, give up on the oldest gap now.
                while (_held.Count > options.MaxPending)
                {
                    await DeclareGapAsync(token).ConfigureAwait(false);
                }

                return;
            }

            await EmitAsync(item, token).ConfigureAwait(false);
            await ReleaseInOrderAsync(token).ConfigureAwait(false);
        }

        /// <summary>Skips the missing numbers up to the first held element and releases the run after it.</summary>
        private async Task DeclareGapAsync(CancellationToken token)
        {
            var first = _held.Keys.First();
            var gap = new SequenceGap(_next!.Value, first - 1);
            metrics.AddGap(gap.Count);
            onGap?.Invoke(gap);
            _next = first;
            await ReleaseInOrderAsync(token).ConfigureAwait(false);
        }

        private async Task ReleaseInOrderAsync(CancellationToken token)
        {
            while (_held.TryGetValue(_next!.Value, out var held))
            {
                _held.Remove(_next.Value);
                await EmitAsync(held, token).ConfigureAwait(false);
            }
        }

        private async Task EmitAsync(T item, CancellationToken token)
        {
            _next = sequence(item) + 1;
            await output.WriteAsync(item, token).ConfigureAwait(false);
            metrics.AddEmitted();
        }
    }

    /// <summary>A gap timeout on the injected clock, linked to the pipeline's stop token.</summary>
    private sealed class GapTimer : IDisposable
    {
        private readonly CancellationTokenSource _timeout;
        private readonly CancellationTokenSource _linked;

        public GapTimer(long waitsFor, TimeSpan timeout, TimeProvider time, CancellationToken token)
        {
            WaitsFor = waitsFor;
            _timeout = new CancellationTokenSource(timeout, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(token, _timeout.Token);
        }

        public long WaitsFor { get; }

        public bool Expired => _timeout.IsCancellationRequested;

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timeout.Dispose();
        }
    }
}
