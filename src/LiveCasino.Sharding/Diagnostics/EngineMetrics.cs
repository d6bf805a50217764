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
/// Between two refreshes a shard that appeared on this node counts as arrived, one that went as left
/// (<c>livecasino.actors.shard_moves</c>: a rebalance, a handoff, a failover, a first allocation); and
/// each time a member was unreachable, how long until it was reachable again or removed
/// (<c>livecasino.cluster.unreachable_seconds</c>, by outcome).
/// </summary>
public sealed class EngineMetrics : IDisposable
{
    public const string MeterName = "LiveCasino.Engine";

    /// <summary>How often the region counts are asked for.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (int Entities, int Shards)> _regions = new(StringComparer.Ordinal);
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _shardMoves;
    private readonly Histogram<double> _unreachableSeconds;
    private readonly TimeProvider _time;
    private IActorRef? _watcher;
    private ActorSystem? _system;

    public EngineMetrics(IMeterFactory? meters = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _shardMoves = Meter.CreateCounter<long>("livecasino.actors.shard_moves", description: "Shards that arrived on this node or left it, by region and direction (arrived, left).");
        _unreachableSeconds = Meter.CreateHistogram<double>("livecasino.cluster.unreachable_seconds", unit: "s", description: "How long a member stayed unreachable, by outcome (reachable again, removed).");
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

    private void ShardsMoved(string region, string direction, int count)
    {
        if (count > 0)
        {
            _shardMoves.Add(count, new KeyValuePair<string, object?>("region", region), new KeyValuePair<string, object?>("direction", direction));
        }
    }

    /// <summary>Listens to the event stream for undelivered messages and asks the regions for their counts.</summary>
    private sealed class Watcher : UntypedActor, IWithTimers
    {
        private readonly EngineMetrics _metrics;
        private readonly Dictionary<string, HashSet<string>> _shards = new(StringComparer.Ordinal);
        private readonly Dictionary<Akka.Cluster.UniqueAddress, long> _unreachableSince = [];

        public Watcher(EngineMetrics metrics) => _metrics = metrics;

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            Context.System.EventStream.Subscribe(Self, typeof(AllDeadLetters)); // unhandled and dropped messages included
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, Akka.Cluster.ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(Akka.Cluster.ClusterEvent.IReachabilityEvent), typeof(Akka.Cluster.ClusterEvent.MemberRemoved));
            Timers.StartPeriodicTimer("refresh", Refresh.Instance, TimeSpan.Zero, RefreshInterval);
        }

        protected override void PostStop()
        {
            Context.System.EventStream.Unsubscribe(Self);
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }

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
                    Moves(c.Region, stats.Stats.Keys);
                    break;
                case Akka.Cluster.ClusterEvent.UnreachableMember u:
                    _unreachableSince.TryAdd(u.Member.UniqueAddress, _metrics._time.GetTimestamp());
                    break;
                case Akka.Cluster.ClusterEvent.ReachableMember r:
                    Ended(r.Member.UniqueAddress, "reachable");
                    break;
                case Akka.Cluster.ClusterEvent.MemberRemoved m:
                    Ended(m.Member.UniqueAddress, "removed");
                    break;
            }
        }

        /// <summary>Shards seen now against the last refresh's (the first refresh only sets the baseline).</summary>
        private void Moves(string region, IEnumerable<string> now)
        {
            var current = now.ToHashSet(StringComparer.Ordinal);
            if (_shards.TryGetValue(region, out var before))
            {
                _metrics.ShardsMoved(region, "arrived", current.Count(s => !before.Contains(s)));
                _metrics.ShardsMoved(region, "left", before.Count(s => !current.Contains(s)));
            }

            _shards[region] = current;
        }

        private void Ended(Akka.Cluster.UniqueAddress member, string outcome)
        {
            if (_unreachableSince.Remove(member, out var since))
            {
                _metrics._unreachableSeconds.Record(_metrics._time.GetElapsedTime(since).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
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
