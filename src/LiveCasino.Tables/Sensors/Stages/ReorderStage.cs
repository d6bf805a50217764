using Akka.Streams;
using Akka.Streams.Stage;

namespace LiveCasino.Tables.Sensors.Stages;

/// <summary>
/// Releases elements in sequence-number order. Elements ahead of the expected number are held (at
/// most <c>maxPending</c>); a missing number is awaited for <c>gapTimeout</c> on the injected clock,
/// counted from when the first later element arrived, then declared a gap and skipped. One more
/// held element than allowed declares the oldest gap at once. Repeats and elements behind the
/// order already released are dropped as late. When upstream completes, what is held is released.
/// </summary>
public sealed class ReorderStage<T> : GraphStage<FlowShape<T, T>>
{
    private readonly Func<T, long> _sequence;
    private readonly int _maxPending;
    private readonly TimeSpan _gapTimeout;
    private readonly long? _firstSequence;
    private readonly TimeProvider _time;
    private readonly Action<SequenceGap>? _onGap;
    private readonly Action<T>? _onLate;

    public ReorderStage(Func<T, long> sequence, int maxPending, TimeSpan gapTimeout, long? firstSequence, TimeProvider time, Action<SequenceGap>? onGap = null, Action<T>? onLate = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPending, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gapTimeout, TimeSpan.Zero);
        _sequence = sequence;
        _maxPending = maxPending;
        _gapTimeout = gapTimeout;
        _firstSequence = firstSequence;
        _time = time;
        _onGap = onGap;
        _onLate = onLate;
        Shape = new FlowShape<T, T>(In, Out);
    }

    public Inlet<T> In { get; } = new("reorder.in");

    public Outlet<T> Out { get; } = new("reorder.out");

    public override FlowShape<T, T> Shape { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly ReorderStage<T> _stage;
        private readonly SortedDictionary<long, T> _held = [];
        private long? _next;
        private ITimer? _gapTimer;
        private long _gapTimerFor;
        private Action<long>? _gapTimedOut;

        public Logic(ReorderStage<T> stage)
            : base(stage.Shape)
        {
            _stage = stage;
            _next = stage._firstSequence;
            SetHandler(stage.In, this);
            SetHandler(stage.Out, this);
        }

        public override void PreStart() => _gapTimedOut = GetAsyncCallback<long>(OnGapTimeout);

        public override void PostStop() => _gapTimer?.Dispose();

        public override void OnPush()
        {
            var item = Grab(_stage.In);
            var number = _stage._sequence(item);
            _next ??= number;
            if (number < _next || _held.ContainsKey(number))
            {
                // A repeat, or too late: its place in the order is gone.
                _stage._onLate?.Invoke(item);
                PullIfWanted();
                return;
            }

            var ready = new List<T>();
            if (number > _next)
            {
                _held.Add(number, item);

                // Bounded: rather than hold more than maxPending, give up on the oldest gap now.
                while (_held.Count > _stage._maxPending)
                {
                    DeclareGap(ready);
                }
            }
            else
            {
                Release(item, ready);
                ReleaseRun(ready);
            }

            EmitReady(ready);
        }

        public override void OnPull() => PullIfWanted();

        public override void OnUpstreamFinish()
        {
            // Nothing will fill the gaps now: release what is held, then complete.
            var ready = new List<T>();
            while (_held.Count > 0)
            {
                DeclareGap(ready);
            }

            if (ready.Count > 0)
            {
                EmitMultiple(_stage.Out, ready, CompleteStage);
            }
            else
            {
                CompleteStage();
            }
        }

        private void OnGapTimeout(long waitedFor)
        {
            // Only the timer for the number still missing counts; a filled gap left it stale.
            if (_held.Count == 0 || _next != waitedFor)
            {
                return;
            }

            var ready = new List<T>();
            DeclareGap(ready);
            EmitReady(ready);
        }

        /// <summary>Skips the missing numbers up to the first held element and releases the run after it.</summary>
        private void DeclareGap(List<T> ready)
        {
            var first = _held.Keys.First();
            _stage._onGap?.Invoke(new SequenceGap(_next!.Value, first - 1));
            _next = first;
            ReleaseRun(ready);
        }

        private void ReleaseRun(List<T> ready)
        {
            while (_held.Remove(_next!.Value, out var held))
            {
                Release(held, ready);
            }
        }

        private void Release(T item, List<T> ready)
        {
            _next = _stage._sequence(item) + 1;
            ready.Add(item);
        }

        private void EmitReady(List<T> ready)
        {
            ArmGapTimer();
            if (ready.Count > 0)
            {
                EmitMultiple(_stage.Out, ready, PullIfWanted);
            }
            else
            {
                PullIfWanted();
            }
        }

        /// <summary>A timer serves the gap at the number expected when it started; a later gap gets its own full timeout.</summary>
        private void ArmGapTimer()
        {
            if (_held.Count == 0)
            {
                _gapTimer?.Dispose();
                _gapTimer = null;
                return;
            }

            if (_gapTimer is not null && _gapTimerFor == _next)
            {
                return;
            }

            _gapTimer?.Dispose();
            var waitsFor = _next!.Value;
            var callback = _gapTimedOut!;
            _gapTimerFor = waitsFor;
            _gapTimer = _stage._time.CreateTimer(_ => callback(waitsFor), null, _stage._gapTimeout, Timeout.InfiniteTimeSpan);
        }

        private void PullIfWanted()
        {
            if (!HasBeenPulled(_stage.In) && !IsClosed(_stage.In) && IsAvailable(_stage.Out))
            {
                Pull(_stage.In);
            }
        }
    }
}
