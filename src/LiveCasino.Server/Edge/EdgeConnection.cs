using System.Collections.Concurrent;
using LiveCasino.Server.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Edge;

/// <summary>
/// One hub connection as the edge sees it: who it is, the tables it watches, its rate budgets, and
/// how frames reach its socket. Producers (table feeds, the balance notifier) only ever
/// <see cref="Offer"/>, which never waits. When the connection is idle the producer writes the
/// frame into the connection's pipe itself (no queue, no hand-off to another thread: the common
/// case at thousands of viewers). While a write is still in flight, or a snapshot is owed, frames
/// queue in a bounded outbox that a pump task drains in order, and the pump goes away when the
/// outbox is empty. When the outbox is full the connection's pending events are dropped and each
/// watched table is marked for a fresh snapshot (a <c>resync</c> event) that the pump sends when
/// the socket takes data again. So a slow or stalled socket slows nothing but itself, and its
/// memory is bounded.
/// </summary>
public sealed partial class EdgeConnection : IAsyncDisposable
{
    private readonly HubConnectionContext _hub;
    private readonly ConcurrentDictionary<string, long> _tables = new(StringComparer.Ordinal);

    // Guarded by _gate: the outbox, the snapshots owed, and whether a writer owns the pipe.
    // Invariant: when no writer owns it (_pumping false), the outbox is empty and no snapshot is owed.
    private readonly Queue<Outgoing> _outbox = new();
    private readonly Dictionary<string, string> _resync = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _pumping;

    private readonly int _outboxMax;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _tablesMax;
    private readonly EdgeMetrics _metrics;
    private readonly IResyncSource _resyncSource;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private Task _pump = Task.CompletedTask;
    private ITimer? _sessionCheck;
    private int _closed;

    private static long s_laneKeys;

    public EdgeConnection(
        HubConnectionContext hub, ConnectionIdentity who, HubLimitsOptions limits, EdgeOptions edge, EdgeMetrics metrics, IResyncSource resyncSource, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(time);
        _hub = hub;
        Who = who;
        _tablesMax = edge.TablesPerConnectionMax;
        _metrics = metrics;
        _resyncSource = resyncSource;
        _time = time;
        _log = log;
        _outboxMax = limits.OutgoingBufferMax;
        Messages = limits.MessageBudget(time);
        Bets = limits.BetBudget(time);
    }

    public string ConnectionId => _hub.ConnectionId;

    public ConnectionIdentity Who { get; }

    /// <summary>Fixed for the connection's life: picks its fan-out lane (<see cref="FanoutLanes.LaneOf"/>).</summary>
    public ulong LaneKey { get; } = (ulong)Interlocked.Increment(ref s_laneKeys);

    /// <summary>Incoming hub messages of this connection (any method).</summary>
    public TokenBucket Messages { get; }

    /// <summary>Bets and cancels of this connection.</summary>
    public TokenBucket Bets { get; }

    /// <summary>The tables this connection watches.</summary>
    public ICollection<string> Tables => _tables.Keys;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Starts the periodic session check when <paramref name="sessionActive"/> is given.</summary>
    public void Start(TimeSpan recheck, Func<CancellationToken, Task<bool>>? sessionActive)
    {
        if (sessionActive is not null)
        {
            _sessionCheck = _time.CreateTimer(_ => _ = CheckSessionAsync(sessionActive), null, recheck, recheck);
        }
    }

    /// <summary>Starts watching <paramref name="tableId"/>; false when the connection already watches the most it may.</summary>
    public bool TryWatch(string tableId)
    {
        lock (_gate)
        {
            if (_tables.ContainsKey(tableId))
            {
                return true;
            }

            if (_tables.Count >= _tablesMax)
            {
                return false;
            }

            _tables[tableId] = 0;
            return true;
        }
    }

    public bool Unwatch(string tableId)
    {
        lock (_gate)
        {
            _resync.Remove(tableId);
            return _tables.TryRemove(tableId, out _);
        }
    }

    public bool Watches(string tableId) => _tables.ContainsKey(tableId);

    /// <summary>The client has the table up to <paramref name="seq"/> (a snapshot was sent): older queued events are skipped.</summary>
    public void Covered(string tableId, long seq)
    {
        lock (_gate)
        {
            if (_tables.TryGetValue(tableId, out var covered) && seq > covered)
            {
                _tables[tableId] = seq;
            }
        }
    }

    /// <summary>Sends a frame without waiting: written at once when the connection is idle, else queued; a full outbox turns into a resync of every watched table.</summary>
    public void Offer(in Outgoing item)
    {
        if (IsClosed || item.Message is null)
        {
            return;
        }

        var dropped = 0;
        lock (_gate)
        {
            if (_pumping)
            {
                if (_outbox.Count < _outboxMax)
                {
                    _outbox.Enqueue(item);
                    return;
                }

                dropped = OverflowLocked();
            }
            else
            {
                if (!AdmitLocked(item))
                {
                    return;
                }

                _pumping = true;
            }
        }

        if (dropped > 0)
        {
            Overflowed(dropped);
            return;
        }

        WriteOwned(item.Message);
    }

    /// <summary>Asks the writer to send a fresh snapshot of <paramref name="tableId"/> before anything else of that table.</summary>
    public void RequestResync(string tableId, string reason)
    {
        bool start;
        lock (_gate)
        {
            if (!_tables.ContainsKey(tableId))
            {
                return;
            }

            _resync[tableId] = reason;
            start = !_pumping;
            _pumping = true;
        }

        _metrics.Resync(reason);
        if (start)
        {
            StartPump(default, counted: true);
        }
    }

    /// <summary>Closes the underlying connection (the hub's disconnect handler then disposes this).</summary>
    public void Abort() => _hub.Abort();

    /// <summary>Writes a frame now, outside the outbox (for the last words before closing).</summary>
    internal ValueTask WriteDirectAsync(SerializedHubMessage frame, CancellationToken cancellationToken) => _hub.WriteAsync(frame, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        if (_sessionCheck is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Volatile.Read(ref _pump).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    /// <summary>Under the gate: empties the outbox and owes every watched table a snapshot; returns the events dropped.</summary>
    private int OverflowLocked()
    {
        var dropped = _outbox.Count + 1; // the one that did not fit
        _outbox.Clear();
        _outbox.TrimExcess();
        foreach (var table in _tables.Keys)
        {
            _resync[table] = "overflow";
        }

        return dropped;
    }

    private void Overflowed(int dropped)
    {
        _metrics.Dropped(dropped);
        _metrics.Resync("overflow");
        Log.Overflow(_log, ConnectionId, Who.AccountId, dropped);
    }
}
