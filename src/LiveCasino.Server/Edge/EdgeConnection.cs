using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using LiveCasino.Server.Options;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Edge;

/// <summary>
/// One hub connection as the edge sees it: who it is, the tables it watches, its rate budgets, and
/// its outbox: a bounded channel of ready frames drained by this connection's own writer task.
/// Producers (table feeds, the balance notifier) only ever <see cref="Offer"/>, which never waits:
/// when the outbox is full the connection's pending events are dropped and each watched table is
/// marked for a fresh snapshot (a <c>resync</c> event) that the writer sends when the socket takes
/// data again. So a slow or stalled socket slows nothing but itself, and its memory is bounded.
/// </summary>
public sealed partial class EdgeConnection : IAsyncDisposable
{
    private readonly HubConnectionContext _hub;
    private readonly Channel<Outgoing> _outbox;
    private readonly ConcurrentDictionary<string, long> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resync = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _tablesMax;
    private readonly EdgeMetrics _metrics;
    private readonly IResyncSource _resyncSource;
    private readonly ILogger _log;
    private Task _writer = Task.CompletedTask;
    private ITimer? _sessionCheck;
    private int _closed;

    public EdgeConnection(
        HubConnectionContext hub, ConnectionIdentity who, HubLimitsOptions limits, EdgeOptions edge, EdgeMetrics metrics, IResyncSource resyncSource, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(edge);
        _hub = hub;
        Who = who;
        _tablesMax = edge.TablesPerConnectionMax;
        _metrics = metrics;
        _resyncSource = resyncSource;
        _log = log;
        _outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(limits.OutgoingBufferMax)
        {
            SingleReader = false, // the writer reads; an overflow drains from the producer's side
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // never waited on: producers only TryWrite
        });
        Messages = new TokenBucketRateLimiter(limits.MessageBudget());
        Bets = new TokenBucketRateLimiter(limits.BetBudget());
    }

    public string ConnectionId => _hub.ConnectionId;

    public ConnectionIdentity Who { get; }

    /// <summary>Incoming hub messages of this connection (any method).</summary>
    public RateLimiter Messages { get; }

    /// <summary>Bets and cancels of this connection.</summary>
    public RateLimiter Bets { get; }

    /// <summary>The tables this connection watches.</summary>
    public ICollection<string> Tables => _tables.Keys;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Starts the writer task, and the periodic session check when <paramref name="sessionActive"/> is given.</summary>
    public void Start(TimeProvider time, TimeSpan recheck, Func<CancellationToken, Task<bool>>? sessionActive)
    {
        ArgumentNullException.ThrowIfNull(time);
        _writer = Task.Run(() => WriteLoopAsync(_stop.Token));
        if (sessionActive is not null)
        {
            _sessionCheck = time.CreateTimer(_ => _ = CheckSessionAsync(sessionActive), null, recheck, recheck);
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

    /// <summary>Queues a frame without waiting; a full outbox turns into a resync of every watched table.</summary>
    public void Offer(in Outgoing item)
    {
        if (IsClosed)
        {
            return;
        }

        if (!_outbox.Writer.TryWrite(item))
        {
            Overflow();
        }
    }

    /// <summary>Asks the writer to send a fresh snapshot of <paramref name="tableId"/> before anything else of that table.</summary>
    public void RequestResync(string tableId, string reason)
    {
        lock (_gate)
        {
            if (!_tables.ContainsKey(tableId))
            {
                return;
            }

            _resync[tableId] = reason;
        }

        _metrics.Resync(reason);
        if (!_outbox.Writer.TryWrite(Outgoing.Wake))
        {
            Overflow();
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

        _outbox.Writer.TryComplete();
        if (_sessionCheck is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
        Messages.Dispose();
        Bets.Dispose();
    }

    private void Overflow()
    {
        var dropped = 0;
        lock (_gate)
        {
            while (_outbox.Reader.TryRead(out _))
            {
                dropped++;
            }

            foreach (var table in _tables.Keys)
            {
                _resync[table] = "overflow";
            }

            _outbox.Writer.TryWrite(Outgoing.Wake);
        }

        _metrics.Dropped(dropped + 1);
        _metrics.Resync("overflow");
        Log.Overflow(_log, ConnectionId, Who.AccountId, dropped + 1);
    }
}
