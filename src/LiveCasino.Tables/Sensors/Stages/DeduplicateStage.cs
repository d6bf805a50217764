using Akka.Streams;
using Akka.Streams.Stage;

namespace LiveCasino.Tables.Sensors.Stages;

/// <summary>
/// Drops an element whose key was seen within <c>window</c>. Keys expire in arrival order, so a
/// queue beside the set makes expiry and the <c>maxKeys</c> eviction O(1) per element; at
/// <c>maxKeys</c> the oldest key is forgotten early (bounded memory beats a perfect window).
/// </summary>
public sealed class DeduplicateStage<T, TKey> : GraphStage<FlowShape<T, T>>
    where TKey : notnull
{
    private readonly Func<T, TKey> _key;
    private readonly TimeSpan _window;
    private readonly int _maxKeys;
    private readonly TimeProvider _time;
    private readonly Action<T>? _onDuplicate;

    public DeduplicateStage(Func<T, TKey> key, TimeSpan window, int maxKeys, TimeProvider time, Action<T>? onDuplicate = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _key = key;
        _window = window;
        _maxKeys = maxKeys;
        _time = time;
        _onDuplicate = onDuplicate;
        Shape = new FlowShape<T, T>(In, Out);
    }

    public Inlet<T> In { get; } = new("deduplicate.in");

    public Outlet<T> Out { get; } = new("deduplicate.out");

    public override FlowShape<T, T> Shape { get; }

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly DeduplicateStage<T, TKey> _stage;
        private readonly HashSet<TKey> _seen = [];
        private readonly Queue<(TKey Key, long At)> _arrivals = new();

        public Logic(DeduplicateStage<T, TKey> stage)
            : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage.In, this);
            SetHandler(stage.Out, this);
        }

        public override void OnPush()
        {
            var item = Grab(_stage.In);
            var now = _stage._time.GetTimestamp();
            while (_arrivals.Count > 0 && _stage._time.GetElapsedTime(_arrivals.Peek().At, now) >= _stage._window)
            {
                _seen.Remove(_arrivals.Dequeue().Key);
            }

            var key = _stage._key(item);
            if (_seen.Contains(key))
            {
                _stage._onDuplicate?.Invoke(item);
                Pull(_stage.In);
                return;
            }

            if (_seen.Count >= _stage._maxKeys)
            {
                _seen.Remove(_arrivals.Dequeue().Key);
            }

            _seen.Add(key);
            _arrivals.Enqueue((key, now));
            Push(_stage.Out, item);
        }

        public override void OnPull() => Pull(_stage.In);
    }
}
