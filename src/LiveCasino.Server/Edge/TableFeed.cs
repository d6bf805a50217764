using Akka.Actor;
using LiveCasino.Tables.Protocol;
using Microsoft.AspNetCore.SignalR;
using TableHost = LiveCasino.Tables.Hosting.Tables;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The fan-out of one table on this node: the viewers (hub connections) watching it, the lobby's
/// view of it, and a shared, briefly cached snapshot for joins and resyncs. Its actor
/// (<see cref="TableFeedActor"/>) is the table's single subscriber on this node: it serializes each
/// event once and hands the frame to the fan-out lanes (<see cref="FanOut"/>), whose actors offer it
/// to every viewer, never waiting on any of them.
/// </summary>
public sealed class TableFeed
{
    /// <summary>How long a snapshot is served to joins and resyncs while the table has not moved.</summary>
    public static readonly TimeSpan SnapshotReuse = TimeSpan.FromSeconds(1);

    private readonly TableHost _tables;
    private readonly TimeProvider _time;
    private readonly int _viewersMax;
    private readonly FanoutLanes _lanes;
    private readonly Lock _gate = new();
    private EdgeConnection[] _viewers = [];

    // The viewers again, split by fan-out lane (replaced, never mutated, like _viewers).
    private EdgeConnection[][] _byLane;
    private FeedView _view = FeedView.Empty;
    private TableSnapshot? _cached;
    private DateTimeOffset _cachedAt;
    private Task<TableSnapshot>? _inflight;

    internal TableFeed(string tableId, TableHost tables, TimeProvider time, int viewersMax, FanoutLanes lanes)
    {
        TableId = tableId;
        _tables = tables;
        _time = time;
        _viewersMax = viewersMax;
        _lanes = lanes;
        _byLane = [.. Enumerable.Range(0, lanes.Count).Select(_ => Array.Empty<EdgeConnection>())];
    }

    public string TableId { get; }

    /// <summary>The lobby's view; replaced (never mutated) by the feed actor.</summary>
    public FeedView View => Volatile.Read(ref _view);

    /// <summary>The viewers now (an immutable copy: iterating it never blocks joins and leaves).</summary>
    public IReadOnlyList<EdgeConnection> Viewers => Volatile.Read(ref _viewers);

    public int ViewerCount => Viewers.Count;

    internal IActorRef? Actor { get; set; }

    /// <summary>Adds a viewer; false when the table has the most viewers this node serves.</summary>
    public bool TryAddViewer(EdgeConnection connection)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_viewers, connection) >= 0)
            {
                return true;
            }

            if (_viewers.Length >= _viewersMax)
            {
                return false;
            }

            Volatile.Write(ref _viewers, [.. _viewers, connection]);
            var lane = _lanes.LaneOf(connection);
            var byLane = (EdgeConnection[][])_byLane.Clone();
            byLane[lane] = [.. byLane[lane], connection];
            Volatile.Write(ref _byLane, byLane);
        }

        Actor?.Tell(new FeedMessage.ViewersChanged());
        return true;
    }

    public void RemoveViewer(EdgeConnection connection)
    {
        lock (_gate)
        {
            if (Array.IndexOf(_viewers, connection) < 0)
            {
                return;
            }

            Volatile.Write(ref _viewers, [.. _viewers.Where(v => !ReferenceEquals(v, connection))]);
            var lane = _lanes.LaneOf(connection);
            var byLane = (EdgeConnection[][])_byLane.Clone();
            byLane[lane] = [.. byLane[lane].Where(v => !ReferenceEquals(v, connection))];
            Volatile.Write(ref _byLane, byLane);
        }

        Actor?.Tell(new FeedMessage.ViewersChanged());
    }

    /// <summary>
    /// Sends a frame to every viewer through the fan-out lanes; a player in <paramref name="personal"/>
    /// gets that frame instead. Never waits. Callers keep one table's frames in order by calling
    /// from one thread at a time (the feed actor), and the lanes keep that order per viewer.
    /// </summary>
    public void FanOut(in Outgoing item, IReadOnlyDictionary<string, SerializedHubMessage>? personal = null)
    {
        var byLane = Volatile.Read(ref _byLane);
        for (var lane = 0; lane < byLane.Length; lane++)
        {
            if (byLane[lane].Length > 0)
            {
                _lanes.Send(lane, new LaneWork(byLane[lane], item, personal));
            }
        }
    }

    /// <summary>Tells the feed a player's bets (from a join), so a later settlement carries their payout.</summary>
    public void SeedBets(PlayerBets bets) => Actor?.Tell(new FeedMessage.SeedBets(bets));

    /// <summary>
    /// The table's snapshot: a recent one when the table has not moved since (joins and resyncs of
    /// many viewers cost one ask), else one ask shared by every caller meanwhile.
    /// </summary>
    public Task<TableSnapshot> SnapshotAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_cached is { } c && c.SequenceNr >= View.Seq && _time.GetUtcNow() - _cachedAt < SnapshotReuse)
            {
                return Task.FromResult(c);
            }

            if (_inflight is { IsCompleted: false } pending)
            {
                return pending;
            }

            _inflight = FetchAsync(timeout);
            return _inflight;
        }
    }

    internal void Publish(FeedView view) => Volatile.Write(ref _view, view);

    /// <summary>Keeps a snapshot the feed received anyway (subscription, statistics) for joins and resyncs.</summary>
    internal void Remember(TableSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_cached is null || snapshot.SequenceNr >= _cached.SequenceNr)
            {
                _cached = snapshot;
                _cachedAt = _time.GetUtcNow();
            }
        }
    }

    private async Task<TableSnapshot> FetchAsync(TimeSpan timeout)
    {
        var snapshot = await _tables.AskAsync<TableSnapshot>(TableId, new TableCommand.GetSnapshot(), timeout).ConfigureAwait(false);
        Remember(snapshot);
        return snapshot;
    }
}
