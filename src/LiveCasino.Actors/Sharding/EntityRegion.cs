using System.Collections.Concurrent;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Diagnostics;

namespace LiveCasino.Actors.Sharding;

/// <summary>
/// Entities of one type addressed by id: started on the first message, passivated when idle, and
/// never losing a message on the way. Routing is a lock-free dictionary lookup plus a per-entity
/// lock, not a region actor, so the region is not a throughput bottleneck.
/// <para>
/// Passivation is a handshake, not a poison pill: the region first stops routing to the entity
/// (new messages are buffered), then asks it to finish what is already queued and stop. Anything
/// still queued when the entity stops, for any reason (passivation, its own stop, a failure that
/// stopped it), comes back to the region and goes to the next incarnation ahead of the buffer.
/// </para>
/// </summary>
public sealed class EntityRegion<T> : IAsyncDisposable, IMailboxDepthSource
    where T : notnull
{
    private readonly ActorSystem _system;
    private readonly Func<string, Props<T>> _propsFor;
    private readonly ConcurrentDictionary<string, EntityHandle>[] _shards;
    private readonly ITimer? _idleTimer;
    private readonly string _pathPrefix;
    private int _entityCount;
    private volatile bool _stopping;

    public EntityRegion(ActorSystem system, EntityRegionOptions options, Func<string, Props<T>> propsFor)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(propsFor);
        options.Validate();
        _system = system;
        Options = options;
        _propsFor = propsFor;
        _pathPrefix = "/region/" + options.EntityType + "/";
        _shards = new ConcurrentDictionary<string, EntityHandle>[options.NumberOfShards];
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new ConcurrentDictionary<string, EntityHandle>(StringComparer.Ordinal);
        }

        if (options.IdleTimeout is { } idle)
        {
            var period = idle / 2;
            _idleTimer = system.Time.CreateTimer(static s => ((EntityRegion<T>)s!).PassivateIdle(), this, period, period);
        }

        system.RegisterStoppable(StopAsync);
        KernelMetrics.TrackMailboxes(this);
    }

    public EntityRegionOptions Options { get; }

    /// <summary>Live entities (started and not yet fully passivated).</summary>
    public int EntityCount => Volatile.Read(ref _entityCount);

    string IMailboxDepthSource.MailboxGroup => Options.EntityType;

    public int ShardOf(string entityId) => ShardIds.Of(entityId, Options.NumberOfShards);

    /// <summary>Ids of the live entities of one shard (what a cluster would hand off together).</summary>
    public IReadOnlyList<string> EntitiesInShard(int shard) => [.. _shards[shard].Keys];

    /// <summary>A ref that routes through this region: valid across passivation and restarts.</summary>
    public ActorRef<T> EntityRef(string entityId)
    {
        ValidateId(entityId);
        return new ActorRef<T>(_system, new EntityRoute<T>(this, entityId), _pathPrefix + entityId, 0);
    }

    /// <summary>Delivers a cluster-style envelope; false if it is for another type or protocol.</summary>
    public bool Deliver(ShardEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.EntityType == Options.EntityType && envelope.Message is T message && Tell(envelope.EntityId, message);
    }

    /// <summary>
    /// Sends to the entity, starting it if needed. False means refused and counted as a dead letter
    /// (entity limit, per-entity buffer full, mailbox full, region stopping).
    /// </summary>
    public bool Tell(string entityId, T message)
    {
        ValidateId(entityId);
        ArgumentNullException.ThrowIfNull(message);
        var shard = _shards[ShardOf(entityId)];
        while (true)
        {
            if (!shard.TryGetValue(entityId, out var handle))
            {
                if (_stopping || Volatile.Read(ref _entityCount) >= Options.EntitiesMax)
                {
                    _system.DeadLetters.Publish(_pathPrefix + entityId, message, DeadLetterReason.EntityBufferFull);
                    return false;
                }

                handle = shard.GetOrAdd(entityId, static id => new EntityHandle(id));
            }

            lock (handle.Gate)
            {
                if (handle.Removed)
                {
                    continue; // Passivated concurrently; take the fresh handle.
                }

                handle.LastTouched = _system.Time.GetTimestamp();
                if (handle.Cell is null)
                {
                    StartIncarnation(handle);
                }

                if (!handle.Stopping)
                {
                    if (!handle.Cell!.IsTerminated)
                    {
                        return handle.Cell.Post(message);
                    }

                    handle.Stopping = true; // It died; its termination hook restarts it.
                }

                if (handle.Buffer.Count >= Options.BufferPerEntityMax)
                {
                    _system.DeadLetters.Publish(_pathPrefix + entityId, message, DeadLetterReason.EntityBufferFull);
                    return false;
                }

                handle.Buffer.Enqueue(message);
                return true;
            }
        }
    }

    /// <summary>Passivates one entity: it handles what is queued, then stops; later messages restart it.</summary>
    public void Passivate(string entityId)
    {
        if (_shards[ShardOf(entityId)].TryGetValue(entityId, out var handle))
        {
            Passivate(handle);
        }
    }

    /// <summary>Passivates every entity and waits until all have stopped; further messages are refused.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        _idleTimer?.Dispose();
        KernelMetrics.UntrackMailboxes(this);
        var waits = new List<Task>();
        foreach (var shard in _shards)
        {
            foreach (var handle in shard.Values)
            {
                lock (handle.Gate)
                {
                    if (handle.Cell is { } cell)
                    {
                        waits.Add(cell.WhenTerminated);
                    }
                }

                Passivate(handle);
            }
        }

        await Task.WhenAll(waits).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>
    /// For the gauges: read without the entities' locks (a scrape must not slow sends), so a count
    /// can be a message off while entities run; includes messages buffered while one passivates.
    /// </summary>
    MailboxDepth IMailboxDepthSource.MailboxDepth()
    {
        long total = 0, largest = 0;
        foreach (var shard in _shards)
        {
            foreach (var handle in shard.Values)
            {
                long queued = handle.Buffer.Count;
                if (handle.Cell is { } cell)
                {
                    queued += cell.QueuedCount;
                }

                total += queued;
                largest = Math.Max(largest, queued);
            }
        }

        return new MailboxDepth(total, largest);
    }

    private void Passivate(EntityHandle handle)
    {
        lock (handle.Gate)
        {
            if (handle.Cell is { } cell && !handle.Stopping)
            {
                handle.Stopping = true;
                KernelMetrics.Passivations.Add(1);
                cell.RequestDrainThenStop();
            }
        }
    }

    private void PassivateIdle()
    {
        var now = _system.Time.GetTimestamp();
        var idle = Options.IdleTimeout!.Value;
        foreach (var shard in _shards)
        {
            foreach (var handle in shard.Values)
            {
                if (_system.Time.GetElapsedTime(Volatile.Read(ref handle.LastTouched), now) >= idle)
                {
                    Passivate(handle);
                }
            }
        }
    }

    private void StartIncarnation(EntityHandle handle)
    {
        Interlocked.Increment(ref _entityCount);
        handle.Cell = _system.SpawnOwned(_propsFor(handle.Id), handle.Id, _pathPrefix, c => OnTerminated(handle, c));
        handle.Stopping = false;
    }

    /// <summary>
    /// Termination hook of an incarnation (runs on its thread, or on a sender's thread that raced it).
    /// Leftovers and buffered messages go, in order, to a new incarnation; with none, the entity is gone.
    /// </summary>
    private void OnTerminated(EntityHandle handle, ActorCell<T> cell)
    {
        lock (handle.Gate)
        {
            var leftovers = cell.TakeLeftovers();
            if (!ReferenceEquals(handle.Cell, cell))
            {
                // A late message to an old incarnation: hand it to the current one.
                foreach (var m in leftovers)
                {
                    Redeliver(handle, m);
                }

                return;
            }

            Interlocked.Decrement(ref _entityCount);
            handle.Cell = null;
            if (leftovers.Count == 0 && handle.Buffer.Count == 0 || _stopping)
            {
                foreach (var m in leftovers.Concat(handle.Buffer))
                {
                    _system.DeadLetters.Publish(cell.Path, m, DeadLetterReason.RecipientTerminated);
                }

                handle.Buffer.Clear();
                handle.Removed = true;
                _shards[ShardOf(handle.Id)].TryRemove(new KeyValuePair<string, EntityHandle>(handle.Id, handle));
                return;
            }

            StartIncarnation(handle);
            foreach (var m in leftovers)
            {
                handle.Cell!.Post(m);
            }

            while (handle.Buffer.TryDequeue(out var m))
            {
                handle.Cell!.Post(m);
            }
        }
    }

    private void Redeliver(EntityHandle handle, T message)
    {
        if (handle.Cell is { } current && !handle.Stopping)
        {
            current.Post(message);
        }
        else if (handle.Removed || _stopping)
        {
            _system.DeadLetters.Publish(_pathPrefix + handle.Id, message, DeadLetterReason.RecipientTerminated);
        }
        else
        {
            handle.Buffer.Enqueue(message);
        }
    }

    private static void ValidateId(string entityId) => ActorNames.Validate(entityId);

    private sealed class EntityHandle(string id)
    {
        public string Id { get; } = id;

        public Lock Gate { get; } = new();

        public ActorCell<T>? Cell { get; set; }

        /// <summary>True while the incarnation drains and stops: new messages wait in <see cref="Buffer"/>.</summary>
        public bool Stopping { get; set; }

        public bool Removed { get; set; }

        public Queue<T> Buffer { get; } = new();

        public long LastTouched;
    }
}
