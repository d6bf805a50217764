using Akka.Actor;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Sqlite;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Hosting;
using LiveCasino.Tables.Serialization;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Hosting;
using TableHost = LiveCasino.Tables.Hosting.Tables;

namespace LiveCasino.Tables.Tests.Support;

/// <summary>
/// Tables and the real wallets on one fake clock, each on its own one-node Akka.NET cluster with its
/// own journal (in memory, or SQLite files) behind a <see cref="FaultyJournal"/>, so a test can hold
/// or fail one side's writes and crash either node: a crash freezes the old node's journal for good
/// (held writes never land), leaves the old node to stop in the background, and starts a new node on
/// the same stores. Tables reach the wallets of the node running now through their
/// <see cref="WalletSend"/>.
/// </summary>
public sealed class TableWorld : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    public const string Currency = "EUR";
    public const string Studio = "studio-1";

    private readonly List<ActorSystem> _abandoned = [];
    private readonly string? _directory;
    private readonly TableOptions _tableOptions;
    private readonly NodeSerializer _tableSerializer;
    private readonly NodeSerializer _walletSerializer;
    private string _tableHocon = string.Empty;
    private int _generation;

    private TableWorld(IJournal tableJournal, ISnapshotStore tableSnapshots, NodeSerializer tableSerializer, IJournal walletJournal, ISnapshotStore walletSnapshots, NodeSerializer walletSerializer, TableOptions options, string? directory)
    {
        _tableSerializer = tableSerializer;
        _walletSerializer = walletSerializer;
        TableStore = tableJournal;
        TableSnapshots = tableSnapshots;
        WalletStore = walletJournal;
        WalletSnapshots = walletSnapshots;
        _tableOptions = options;
        _directory = directory;
    }

    public FakeTimeProvider Time { get; } = new();

    /// <summary>This world's own table meter (same name as a node's), so a test sees only its own tables.</summary>
    public TableMetrics Metrics { get; } = new();

    public IJournal TableStore { get; }

    /// <summary>The SQLite file of the table journal (null in memory), for tests that alter stored rows.</summary>
    public string? TableDatabase => _directory is null ? null : Path.Combine(_directory, "tables.db");

    public ISnapshotStore TableSnapshots { get; }

    public IJournal WalletStore { get; }

    public ISnapshotStore WalletSnapshots { get; }

    public ActorSystem TableSystem { get; private set; } = null!;

    public ActorSystem WalletSystem { get; private set; } = null!;

    public FaultyJournal TableJournal { get; private set; } = null!;

    public FaultyJournal WalletJournal { get; private set; } = null!;

    public TableHost Tables { get; private set; } = null!;

    public WalletDirectory Wallets { get; private set; } = null!;

    /// <summary>
    /// A world in memory. <paramref name="serializeMessages"/> makes the table node serialize every
    /// message between actors as if it crossed nodes (not with journal fault injection: Akka's
    /// journal failure reports are not serializable).
    /// </summary>
    public static async Task<TableWorld> InMemoryAsync(TableOptions? options = null, int tableSnapshotEvery = 50, bool serializeMessages = false)
    {
        var tableSerializer = new NodeSerializer();
        var walletSerializer = new NodeSerializer();
        var world = new TableWorld(
            new InMemoryJournal(tableSerializer), new InMemorySnapshotStore(tableSerializer), tableSerializer,
            new InMemoryJournal(walletSerializer), new InMemorySnapshotStore(walletSerializer), walletSerializer,
            (options ?? DefaultOptions) with { SnapshotEvery = tableSnapshotEvery },
            null)
        {
            _tableHocon = serializeMessages ? TestNodes.SerializeMessages : string.Empty,
        };
        await world.StartWalletsAsync();
        await world.StartTablesAsync();
        return world;
    }

    public static async Task<TableWorld> SqliteAsync(TableOptions? options = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "livecasino-tables-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var tables = new SqliteStoreOptions { DataSource = Path.Combine(dir, "tables.db") };
        var wallets = new SqliteStoreOptions { DataSource = Path.Combine(dir, "wallets.db") };
        var tableSerializer = new NodeSerializer();
        var walletSerializer = new NodeSerializer();
        var world = new TableWorld(
            new BatchingJournal(await SqliteJournal.OpenAsync(tables, tableSerializer, CancellationToken.None), new BatchingJournalOptions()),
            await SqliteSnapshotStore.OpenAsync(tables, tableSerializer, CancellationToken.None),
            tableSerializer,
            await SqliteJournal.OpenAsync(wallets, walletSerializer, CancellationToken.None),
            await SqliteSnapshotStore.OpenAsync(wallets, walletSerializer, CancellationToken.None),
            walletSerializer,
            (options ?? DefaultOptions) with { SnapshotEvery = 50 },
            dir);
        await world.StartWalletsAsync();
        await world.StartTablesAsync();
        return world;
    }

    public static TableOptions DefaultOptions { get; } = new()
    {
        SweepInterval = TimeSpan.FromMilliseconds(500),
        OutboxRetryMin = TimeSpan.FromSeconds(1),
        OutboxRetryMax = TimeSpan.FromSeconds(8),
        ReservationRetryAfter = TimeSpan.FromSeconds(1),
    };

    /// <summary>Freezes the table node's journal (writes in flight never land), abandons the node, and starts a new one on the same stores.</summary>
    public async Task CrashTablesAsync()
    {
        _ = TableJournal.HoldWrites();
        Abandon(TableSystem);
        await StartTablesAsync();
    }

    public async Task CrashWalletsAsync()
    {
        _ = WalletJournal.HoldWrites();
        Abandon(WalletSystem);
        await StartWalletsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var system in _abandoned.Append(WalletSystem).Append(TableSystem))
        {
            // A crashed node stuck on its frozen journal never finishes its shutdown: bounded wait.
            await Task.WhenAny(system.Terminate(), Task.Delay(TimeSpan.FromSeconds(2)));
        }

        await TableStore.DisposeAsync();
        await WalletStore.DisposeAsync();
        Metrics.Dispose();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp dir.
            }
        }
    }

    /// <summary>Like a dead node: nothing it had in flight lands; it is left to stop in the background.</summary>
    private void Abandon(ActorSystem system)
    {
        _abandoned.Add(system);
        _ = system.Terminate();
    }

    private async Task StartTablesAsync()
    {
        TableJournal = new FaultyJournal(TableStore);
        TableSystem = await TestNodes.StartOnStoresAsync(
            "tables-" + ++_generation, TableSerialization.EngineHocon + WalletSerialization.EngineHocon + _tableHocon, _tableSerializer, TableJournal, TableSnapshots);

        // The wallets of the node running now (a crash replaces them).
        Tables = await TableHost.StartAsync(TableSystem, _tableOptions, (player, command, replyTo) => Wallets.Tell(player, command, replyTo), Time, Metrics);
    }

    private async Task StartWalletsAsync()
    {
        WalletJournal = new FaultyJournal(WalletStore);
        WalletSystem = await TestNodes.StartOnStoresAsync("wallets-" + ++_generation, WalletSerialization.EngineHocon, _walletSerializer, WalletJournal, WalletSnapshots);
        var options = new WalletOptions { IdleTimeout = null, SnapshotEvery = 20, AskTimeout = TimeSpan.FromMilliseconds(500), AskAttempts = 40 };
        Wallets = await WalletDirectory.StartAsync(WalletSystem, options, Time);
    }
}
