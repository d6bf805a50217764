using System.Collections.Concurrent;
using Akka.Actor;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Options;
using LiveCasino.Server.Wallets;
using LiveCasino.Sharding;
using LiveCasino.Sharding.Diagnostics;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Dealers;
using LiveCasino.Tables.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TableHost = LiveCasino.Tables.Hosting.Tables;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The tables of the node and their edge: the table region (reserving in the node's wallets), the
/// dealer console region, the table catalog (which tables the node runs, durable), one
/// <see cref="TableFeed"/> per listed table, and the balance notifier. Started after the wallets;
/// at start-up every listed table is woken (it resumes what it owes) and gets its feed.
/// </summary>
public sealed partial class TablesRuntime : IHostedService, IAsyncDisposable
{
    private readonly ActorSystem _engine;
    private readonly EngineMetrics _engineMetrics;
    private readonly WalletRuntime _wallets;
    private readonly EdgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, TableFeed> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TableListing> _listings = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _configuring = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _refreshing = Task.CompletedTask;
    private TableHost? _tables;
    private DealerConsoles? _consoles;
    private IActorRef? _catalog;
    private EntityAskPolicy? _catalogAsk;
    private FanoutLanes? _lanes;

    public TablesRuntime(
        ActorSystem engine, WalletRuntime wallets, EdgeConnections connections, IOptions<EdgeOptions> options, IOptions<WalletApiOptions> walletOptions,
        EngineMetrics engineMetrics, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(walletOptions);
        ArgumentNullException.ThrowIfNull(loggers);
        _engine = engine;
        _engineMetrics = engineMetrics;
        _wallets = wallets;
        _options = options.Value;
        _time = time;
        _log = loggers.CreateLogger<TablesRuntime>();
        Balances = new BalanceNotifier(wallets, connections, walletOptions.Value.Currency, loggers.CreateLogger<BalanceNotifier>());
    }

    /// <summary>The table region; throws <see cref="NodeNotReadyException"/> before start.</summary>
    public TableHost Tables => Volatile.Read(ref _tables) ?? throw new NodeNotReadyException("The tables");

    public DealerConsoles Consoles => Volatile.Read(ref _consoles) ?? throw new NodeNotReadyException("The dealer consoles");

    public BalanceNotifier Balances { get; }

    /// <summary>The fan-out lanes every table feed writes through; throws <see cref="NodeNotReadyException"/> before start.</summary>
    public FanoutLanes Lanes => Volatile.Read(ref _lanes) ?? throw new NodeNotReadyException("The fan-out lanes");

    public bool IsStarted => Volatile.Read(ref _tables) is not null;

    /// <summary>The tables this node runs, by id.</summary>
    public IReadOnlyList<TableListing> Listings => [.. _listings.Values.OrderBy(l => l.TableId, StringComparer.Ordinal)];

    /// <summary>The catalog is one entity; a small fixed shard count (never changed in a live cluster).</summary>
    private const int CatalogShards = 10;

    /// <summary>A listing is idempotent, so an unanswered one is sent again.</summary>
    private EntityAskPolicy CatalogAsk => _catalogAsk ??= new EntityAskPolicy(_options.AskTimeout, 3).Validate();

    public TableFeed? Feed(string tableId) => tableId is not null && _feeds.TryGetValue(tableId, out var feed) ? feed : null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lanes, new FanoutLanes(_engine, _options.FanoutLanes > 0 ? _options.FanoutLanes : Environment.ProcessorCount));
        var tables = await TableHost.StartAsync(_engine, TableOptions.Default, LiveCasino.Tables.Hosting.WalletSends.Over(_wallets.Directory), _time).ConfigureAwait(false);
        var consoles = await DealerConsoles.StartAsync(_engine, tables, _time).ConfigureAwait(false);
        var catalog = await EntityRegions.StartAsync(_engine, "table-catalog", _ => TableCatalogActor.Props(_options.TablesMax, _time), CatalogShards).ConfigureAwait(false);
        Volatile.Write(ref _consoles, consoles);
        Volatile.Write(ref _catalog, catalog);
        Volatile.Write(ref _tables, tables);
        var listed = await RefreshListingsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var listing in listed)
        {
            tables.Wake(listing.TableId);
        }

        Balances.Start();
        _engineMetrics.Start(_engine);
        _refreshing = KeepListingsAsync(_stopping.Token);
        Started(_log, listed.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _refreshing.ConfigureAwait(false);
        await Balances.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads the catalog and takes in what changed: a table listed (or moved to another studio or game) on any member.</summary>
    private async Task<IReadOnlyList<TableListing>> RefreshListingsAsync(CancellationToken cancellationToken)
    {
        var catalog = Volatile.Read(ref _catalog) ?? throw new NodeNotReadyException("The table catalog");
        var listed = (await catalog.AskEntityAsync<CatalogListings>(TableCatalogActor.Id, new CatalogCommand.GetAll(), CatalogAsk, cancellationToken).ConfigureAwait(false)).Tables;
        foreach (var listing in listed)
        {
            _listings[listing.TableId] = listing;
            StartFeed(listing.TableId);
        }

        return listed;
    }

    /// <summary>Re-reads the catalog every <see cref="EdgeOptions.CatalogRefreshInterval"/> until the node stops; a failed read is tried at the next tick.</summary>
    private async Task KeepListingsAsync(CancellationToken stopping)
    {
        using var ticks = new PeriodicTimer(_options.CatalogRefreshInterval, _time);
        try
        {
            while (await ticks.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await RefreshListingsAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception e) when (e is EntityUnavailableException or TimeoutException or AskTimeoutException)
                {
                    CatalogUnavailable(_log, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The node stops.
        }
    }

    /// <summary>
    /// Sets the table's configuration (only between rounds: the table refuses otherwise, and keeps
    /// the configuration it has), then lists it durably. The operator's way to create or change a table.
    /// </summary>
    public async Task<TableReply> ConfigureAsync(string tableId, TableConfig config, string by, CancellationToken cancellationToken)
    {
        TableIds.Validate(tableId, nameof(tableId));
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        await _configuring.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The table decides first: a refused change (a round in progress) must not move the
            // lobby's listing to a studio or game the table does not have.
            var catalog = Volatile.Read(ref _catalog) ?? throw new NodeNotReadyException("The table catalog");
            var reply = await Tables.AskAsync<TableReply>(tableId, new TableCommand.Configure(config, by), _options.AskTimeout, cancellationToken).ConfigureAwait(false);
            if (reply is not TableReply.CommandAccepted)
            {
                return reply;
            }

            // Configured but not listed (the catalog refused or failed) is repaired by configuring
            // again: the same configuration is accepted again and the listing retried.
            var listing = new TableListing(tableId, config.StudioId, config.Game);
            var listed = await catalog.AskEntityAsync<CatalogReply>(TableCatalogActor.Id, new CatalogCommand.List(listing), CatalogAsk, cancellationToken).ConfigureAwait(false);
            if (!listed.Listed)
            {
                return new TableReply.CommandRejected(tableId, 0, TableRejection.Invalid, listed.Problem ?? "configured but not listed; configure it again");
            }

            _listings[tableId] = listing;
            StartFeed(tableId);
            return reply;
        }
        finally
        {
            _configuring.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _configuring.Dispose();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private void StartFeed(string tableId)
    {
        if (_feeds.ContainsKey(tableId))
        {
            return;
        }

        var feed = new TableFeed(tableId, Tables, _time, _options.ViewersPerTableMax, Lanes);
        if (!_feeds.TryAdd(tableId, feed))
        {
            return;
        }

        feed.Actor = _engine.ActorOf(Props.Create(() => new TableFeedActor(feed, Tables, Balances, _options, _time)).WithMailbox(TableFeedActor.Mailbox), "feed-" + tableId);
    }

    [LoggerMessage(EventId = 721, Level = LogLevel.Debug, Message = "Table catalog not read this time ({Reason}); tried again at the next refresh")]
    private static partial void CatalogUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "Tables started: {Count} listed tables woken, each with its feed")]
    private static partial void Started(ILogger logger, int count);
}
