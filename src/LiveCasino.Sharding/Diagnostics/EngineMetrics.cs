using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace LiveCasino.Sharding.Diagnostics;

/// <summary>
/// Meter "LiveCasino.Engine": what the Akka.NET engine of a node is doing, for operators. Messages
/// that reached nobody (<c>livecasino.actors.dead_letters</c> by reason: <c>deadLetter</c> to a
/// stopped or unknown actor or past a full bounded mailbox, <c>dropped</c> when a component dropped
/// it on purpose (a stream, a full buffer), <c>unhandled</c> by an actor that does not know the
/// message; suppressed dead letters, which Akka marks as expected, are not counted), and per sharding region the
/// entities and shards this node runs (<c>livecasino.actors.entities</c>, <c>livecasino.actors.shards</c>),
/// refreshed every <see cref="RefreshInterval"/> by asking each region (a scrape never waits on an actor).
/// </summary>
public sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "LiveCasino.Engine";

    /// <summary>How often the region counts are asked for.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (int Entities, int Shards)> _regions = new(StringComparer.Ordinal);
    private readonly Counter<long> _deadLetters;
    private IActorRef? _watcher;
    private ActorSystem? _system;

    public EngineMetrics(IMeterFactory? meters = null)
    {
        Meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _deadLetters = Meter.CreateCounter<long>("livecasino.actors.dead_letters", description: "Messages that reached no actor, by reason (deadLetter, dropped, unhandled).");
        Meter.CreateObservableGauge("livecasino.actors.entities", () => Measure(r => r.Entities), description: "Entities of each sharding region running on this node.");
        Meter.CreateObservableGauge("livecasino.actors.shards", () => Measure(r => r.Shards), description: "Shards of each sharding region hosted on this node.");
        Meter.CreateObservableGauge("livecasino.cluster.members", MeasureMembers, description: "Members of the cluster as this node sees them, by status (up, joining, leaving, exiting, down, weaklyUp).");
        Meter.CreateObservableGauge("livecasino.cluster.unreachable", MeasureUnreachable, description: "Members this node's failure detector cannot reach now.");
    }

    internal Meter Meter { get; }

    /// <summary>Starts counting on <paramref name="system"/>: undelivered messages, and the entities of every region started on it.</summary>
    public void Start(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (_watcher is not null)
        {
            throw new InvalidOperationException("The engine metrics are started already.");
        }

        _system = system;
        _watcher = system.ActorOf(Props.Create(() => new Watcher(this)), "livecasino-engine-metrics");
    }

    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<int>> Measure(Func<(int Entities, int Shards), int> pick) =>
        _regions.Select(r => new Measurement<int>(pick(r.Value), new KeyValuePair<string, object?>("region", r.Key)));

    private IEnumerable<Measurement<int>> MeasureMembers()
    {
        if (Volatile.Read(ref _system) is not { WhenTerminated.IsCompleted: false } system)
        {
            return [];
        }

        return Akka.Cluster.Cluster.Get(system).State.Members
            .GroupBy(m => m.Status)
            .Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("status", g.Key == Akka.Cluster.MemberStatus.WeaklyUp ? "weaklyUp" : g.Key.ToString().ToLowerInvariant())));
    }

    private IEnumerable<Measurement<int>> MeasureUnreachable() =>
        Volatile.Read(ref _system) is { WhenTerminated.IsCompleted: false } system ? [new Measurement<int>(Akka.Cluster.Cluster.Get(system).State.Unreachable.Count)] : [];

    private void DeadLetter(string reason) => _deadLetters.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Listens to the event stream for undelivered messages and asks the regions for their counts.</summary>
    private sealed class Watcher : UntypedActor, IWithTimers
    {
        private readonly EngineMetrics _metrics;

        public Watcher(EngineMetrics metrics) => _metrics = metrics;

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            Context.System.EventStream.Subscribe(Self, typeof(AllDeadLetters)); // unhandled and dropped messages included
            Timers.StartPeriodicTimer("refresh", Refresh.Instance, TimeSpan.Zero, RefreshInterval);
        }

        protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case SuppressedDeadLetter:
                    break;
                case UnhandledMessage:
                    _metrics.DeadLetter("unhandled");
                    break;
                case Dropped:
                    _metrics.DeadLetter("dropped");
                    break;
                case AllDeadLetters:
                    _metrics.DeadLetter("deadLetter");
                    break;
                case Refresh:
                    Ask();
                    break;
                case Counted { Stats: { } stats } c:
                    _metrics._regions[c.Region] = (stats.Stats.Values.Sum(), stats.Stats.Count);
                    break;
            }
        }

        private void Ask()
        {
            var sharding = ClusterSharding.Get(Context.System);
            foreach (var name in sharding.ShardTypeNames)
            {
                // Counts per shard only: the region's state would list every entity id each second.
                sharding.ShardRegion(name).Ask<ShardRegionStats>(GetShardRegionStats.Instance, RefreshInterval)
                    .PipeTo(Self, success: state => new Counted(name, state), failure: _ => new Counted(name, null));
            }
        }

        private sealed class Refresh : INoSerializationVerificationNeeded
        {
            public static readonly Refresh Instance = new();
        }

        /// <summary>A region's counts; none when it did not answer in time (the last counts stay).</summary>
        private sealed record Counted(string Region, ShardRegionStats? Stats) : INoSerializationVerificationNeeded;
    }
}
