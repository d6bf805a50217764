using Akka.Actor;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Hubs.Contracts;
using LiveCasino.Server.Options;
using LiveCasino.Server.Wallets;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;
using LiveCasino.Wallets.Protocol;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// What both hubs share: opening and closing a connection's edge state (limits, registry, session
/// check), the lobby, joining and leaving table feeds, and table snapshots for one caller (with the
/// player's own bets and balance), also as the <c>resync</c> frames the outbox writers send.
/// </summary>
public sealed class EdgeHost(
    TablesRuntime runtime,
    WalletRuntime wallets,
    EdgeConnections connections,
    AccountDirectory accounts,
    EdgeMetrics metrics,
    IOptions<HubLimitsOptions> limits,
    IOptions<EdgeOptions> edge,
    IOptions<WalletApiOptions> walletOptions,
    TimeProvider time,
    Akka.Actor.ActorSystem engine,
    ILoggerFactory loggers) : IResyncSource
{
    /// <summary>Key of the <see cref="EdgeConnection"/> in <see cref="HubCallerContext.Items"/>.</summary>
    public const string EdgeItem = "livecasino.edge-connection";

    private readonly ILogger _log = loggers.CreateLogger<EdgeConnection>();

    private readonly Lazy<Akka.Streams.IMaterializer> _streams = new(() => Akka.Streams.ActorMaterializer.Create(engine, namePrefix: "edge"));

    public TablesRuntime Runtime => runtime;

    /// <summary>The node's Akka.NET actor system.</summary>
    public Akka.Actor.ActorSystem Engine => engine;

    /// <summary>Runs the dealer consoles' sensor streams on the node's Akka.NET engine.</summary>
    public Akka.Streams.IMaterializer Streams => _streams.Value;

    public EdgeOptions Options => edge.Value;

    public TimeProvider Time => time;

    public static EdgeConnection? ConnectionOf(HubCallerContext context) =>
        context?.Items.TryGetValue(EdgeItem, out var c) == true ? c as EdgeConnection : null;

    /// <summary>
    /// Registers the caller's connection. Refused (a <see cref="HubException"/>, so SignalR closes
    /// it with that message) past the connections an account may hold; a console's older connection is closed.
    /// </summary>
    public EdgeConnection Open(HubCallerContext context, ConnectionIdentity who)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!runtime.IsStarted)
        {
            throw new HubException("unavailable: the node is starting; connect again shortly");
        }

        var hub = context.Items.TryGetValue(EdgeLifetimeManager<Hub>.ConnectionItem, out var h) && h is HubConnectionContext hc
            ? hc
            : throw new InvalidOperationException("The hub connection is missing: EdgeLifetimeManager is not registered for this hub.");
        var connection = new EdgeConnection(hub, who, limits.Value, edge.Value, metrics, this, time, _log);
        if (!connections.TryAdd(connection, limits.Value.ConnectionsPerAccountMax, out var displaced))
        {
            _ = connection.DisposeAsync().AsTask();
            throw new HubException($"tooManyConnections: an account may hold {limits.Value.ConnectionsPerAccountMax} hub connections at once");
        }

        displaced?.Abort();
        context.Items[EdgeItem] = connection;
        metrics.Opened();
        var session = who.Session;
        connection.Start(limits.Value.SessionRecheckInterval, session is null ? null : ct => accounts.IsSessionActiveAsync(session, ct));
        return connection;
    }

    public async Task CloseAsync(HubCallerContext context)
    {
        if (ConnectionOf(context) is not { } connection)
        {
            return;
        }

        foreach (var table in connection.Tables.ToList())
        {
            runtime.Feed(table)?.RemoveViewer(connection);
        }

        connections.Remove(connection);
        metrics.Closed();
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Every table of the node (or of one studio), with its live status.</summary>
    public IReadOnlyList<LobbyTableView> Lobby(string? studioId)
    {
        var now = time.GetUtcNow();
        var tables = new List<LobbyTableView>();
        foreach (var listing in runtime.Listings)
        {
            if ((studioId is not null && listing.StudioId != studioId) || runtime.Feed(listing.TableId) is not { } feed)
            {
                continue;
            }

            var v = feed.View;
            var left = v.Phase == RoundPhase.BettingOpen && v.ClosesAt is { } closes && closes > now ? (long)(closes - now).TotalMilliseconds : 0;
            tables.Add(new LobbyTableView(
                listing.TableId, Views.Name(listing.Game), listing.StudioId, v.Config?.Currency, Views.Name(v.Phase), v.RoundNo,
                v.RoundNo > 0 ? Views.RoundId(listing.TableId, v.RoundNo) : null, v.ClosesAt, left, feed.ViewerCount,
                v.Stats is { } s ? [.. s.LastResults.Take(Views.LobbyResults).Select(Views.Result)] : [],
                v.Config is { } c ? Views.Limits(c.Limits) : null, v.Config is { } c2 ? Views.Stream(c2.Stream) : null));
        }

        return tables;
    }

    /// <summary>Starts (or restarts) the table's events for the connection and answers its snapshot.</summary>
    public async Task<JoinReply> JoinAsync(EdgeConnection connection, string? tableId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!TableIds.IsValid(tableId))
        {
            return new JoinReply(false, tableId ?? string.Empty, "invalid", "a table id is 1-64 letters, digits, '-', '_' or '.'", null);
        }

        if (runtime.Feed(tableId!) is not { } feed)
        {
            return new JoinReply(false, tableId!, "unknownTable", $"no table {tableId} on this node", null);
        }

        if (!connection.TryWatch(feed.TableId))
        {
            return new JoinReply(false, feed.TableId, "tooManyTables", $"a connection watches at most {edge.Value.TablesPerConnectionMax} tables", null);
        }

        if (!feed.TryAddViewer(connection))
        {
            connection.Unwatch(feed.TableId);
            return new JoinReply(false, feed.TableId, "full", "this table has all the viewers this node serves", null);
        }

        return await SnapshotReplyAsync(connection, feed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A fresh snapshot of a table the connection watches.</summary>
    public async Task<JoinReply> ResyncAsync(EdgeConnection connection, string? tableId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (tableId is null || !connection.Watches(tableId) || runtime.Feed(tableId) is not { } feed)
        {
            return new JoinReply(false, tableId ?? string.Empty, "notJoined", "join the table first", null);
        }

        return await SnapshotReplyAsync(connection, feed, cancellationToken).ConfigureAwait(false);
    }

    public LeaveReply Leave(EdgeConnection connection, string? tableId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (tableId is null || !connection.Unwatch(tableId))
        {
            return new LeaveReply(false, tableId, "notJoined");
        }

        runtime.Feed(tableId)?.RemoveViewer(connection);
        return new LeaveReply(true, tableId, null);
    }

    /// <summary>The table for this caller: with their bets (told to the feed too) and balance when they are a player.</summary>
    public async Task<TableSnapshotView> SnapshotAsync(TableFeed feed, ConnectionIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(who);
        var timeout = edge.Value.AskTimeout;
        var snapshot = await feed.SnapshotAsync(timeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<MyBetView>? myBets = null;
        BalanceView? balance = null;
        if (who.PlayerId is { } player)
        {
            var bets = await runtime.Tables.AskAsync<PlayerBets>(feed.TableId, new TableCommand.GetPlayerBets(player), timeout, cancellationToken).ConfigureAwait(false);
            feed.SeedBets(bets);
            myBets = [.. bets.Bets.Select(Views.Bet)];
            balance = await BalanceAsync(player, null, cancellationToken).ConfigureAwait(false);
        }

        return Views.Snapshot(snapshot, time.GetUtcNow(), feed.ViewerCount, myBets, balance);
    }

    public async Task<BalanceView> BalanceAsync(string playerId, string? reason, CancellationToken cancellationToken)
    {
        var reply = await wallets.Directory.AskAsync(playerId, new GetBalance("balance"), cancellationToken).ConfigureAwait(false);
        return Views.Balance(reply.Balance, walletOptions.Value.Currency, reason);
    }

    async Task<(SerializedHubMessage Frame, long Seq)?> IResyncSource.ResyncAsync(EdgeConnection connection, string tableId, string reason, CancellationToken cancellationToken)
    {
        if (runtime.Feed(tableId) is not { } feed)
        {
            return null;
        }

        try
        {
            var snapshot = await SnapshotAsync(feed, connection.Who, cancellationToken).ConfigureAwait(false);
            return (HubFrames.Event("resync", new ResyncEvent(tableId, reason, snapshot), HubJsonContext.Default.ResyncEvent), snapshot.Seq);
        }
        catch (Exception e) when (e is AskTimeoutException or TimeoutException or NodeNotReadyException)
        {
            return null;
        }
    }

    private async Task<JoinReply> SnapshotReplyAsync(EdgeConnection connection, TableFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await SnapshotAsync(feed, connection.Who, cancellationToken).ConfigureAwait(false);
            connection.Covered(feed.TableId, snapshot.Seq);
            return new JoinReply(true, feed.TableId, null, null, snapshot);
        }
        catch (Exception e) when (e is AskTimeoutException or TimeoutException or NodeNotReadyException)
        {
            return new JoinReply(false, feed.TableId, "unavailable", "the table did not answer in time; try again", null);
        }
    }
}
