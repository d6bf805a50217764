using LiveCasino.Actors.Ask;
using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Actors.Supervision;
using LiveCasino.Stores.Sqlite;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Diagnostics;
using LiveCasino.Tables.Protocol;
using LiveCasino.Tables.Serialization;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using LiveCasino.Tables.Hosting;
using TableHost = LiveCasino.Tables.Hosting.Tables;

namespace LiveCasino.Tables.Tests.Support;

/// <summary>
/// Tables and the real wallets on one fake clock, each in its own actor system with its own journal
/// (in memory, or SQLite files) behind a <see cref="FaultyJournal"/>, so a test can hold or fail
/// one side's writes and crash either node: a crash freezes the old node's journal for good
/// (held writes never land) and starts a new node on the same stores. The wallets run on Akka.NET
/// (a one-node cluster with the wallet region, our journal plugin over the wallet store); the
/// tables still run on the kernel and reach the wallets through <see cref="WalletBridge"/>.
/// </summary>
public sealed class TableWorld : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    public const string Currency = "EUR";
    public const string Studio = "studio-1";

    private readonly List<ActorSystem> _abandoned = [];
    private readonly List<Akka.Actor.ActorSystem> _abandonedWallets = [];
    private readonly string? _directory;
    private readonly TableOptions _tableOptions;
    private int _generation;

    /// <summary>Table snapshots are attempted every this many events (the table takes one only between records).</summary>
    public int TableSnapshotEvery { get; init; } = 50;

    /// <summary>The wallet store's serializer: the running wallet node's (sharding's own state is stored there too).</summary>
    private readonly NodeSerializer _walletSerializer;

    private TableWorld(IJournal tableJournal, ISnapshotStore tableSnapshots, IJournal walletJournal, ISnapshotStore walletSnapshots, NodeSerializer walletSerializer, TableOptions options, string? directory)
    {
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

    public static EventSerializer Serializer { get; } = new EventSerializer().RegisterWalletTypes().RegisterTableTypes();

    public IJournal TableStore { get; }

    /// <summary>The SQLite file of the table journal (null in memory), for tests that alter stored rows.</summary>
    public string? TableDatabase => _directory is null ? null : Path.Combine(_directory, "tables.db");

    public ISnapshotStore TableSnapshots { get; }

    public IJournal WalletStore { get; }

    public ISnapshotStore WalletSnapshots { get; }

    public ActorSystem TableSystem { get; private set; } = null!;

    public Akka.Actor.ActorSystem WalletSystem { get; private set; } = null!;

    public FaultyJournal TableJournal { get; private set; } = null!;

    public FaultyJournal WalletJournal { get; private set; } = null!;

    public TableHost Tables { get; private set; } = null!;

    public WalletDirectory Wallets { get; private set; } = null!;

    public static async Task<TableWorld> InMemoryAsync(TableOptions? options = null, int tableSnapshotEvery = 50)
    {
        var walletSerializer = new NodeSerializer();
        var world = new TableWorld(new InMemoryJournal(Serializer), new InMemorySnapshotStore(Serializer), new InMemoryJournal(walletSerializer), new InMemorySnapshotStore(walletSerializer), walletSerializer, options ?? DefaultOptions, null)
        {
            TableSnapshotEvery = tableSnapshotEvery,
        };
        await world.StartWalletsAsync();
        world.StartTables();
        return world;
    }

    public static async Task<TableWorld> SqliteAsync(TableOptions? options = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "livecasino-tables-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var tables = new SqliteStoreOptions { DataSource = Path.Combine(dir, "tables.db") };
        var wallets = new SqliteStoreOptions { DataSource = Path.Combine(dir, "wallets.db") };
        var walletSerializer = new NodeSerializer();
        var world = new TableWorld(
            new BatchingJournal(await SqliteJournal.OpenAsync(tables, Serializer, CancellationToken.None), new BatchingJournalOptions()),
            await SqliteSnapshotStore.OpenAsync(tables, Serializer, CancellationToken.None),
            await SqliteJournal.OpenAsync(wallets, walletSerializer, CancellationToken.None),
            await SqliteSnapshotStore.OpenAsync(wallets, walletSerializer, CancellationToken.None),
            walletSerializer,
            options ?? DefaultOptions,
            dir);
        await world.StartWalletsAsync();
        world.StartTables();
        return world;
    }

    public static TableOptions DefaultOptions { get; } = new()
    {
        SweepInterval = TimeSpan.FromMilliseconds(500),
        OutboxRetryMin = TimeSpan.FromSeconds(1),
        OutboxRetryMax = TimeSpan.FromSeconds(8),
        ReservationRetryAfter = TimeSpan.FromSeconds(1),
    };

    public ActorRef<TableCommand> Table(string tableId) => Tables.For(tableId);

    /// <summary>Freezes the table node's journal (writes in flight never land), abandons it, and starts a new node on the same stores.</summary>
    public async Task CrashTablesAsync()
    {
        _ = TableJournal.HoldWrites();
        await AbandonAsync(TableSystem);
        StartTables();
    }

    public async Task CrashWalletsAsync()
    {
        _ = WalletJournal.HoldWrites();
        _abandonedWallets.Add(WalletSystem);
        // Like a dead node: nothing it had in flight lands; it is left to stop in the background.
        _ = WalletSystem.Terminate();
        await StartWalletsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var system in _abandonedWallets.Append(WalletSystem))
        {
            // A crashed wallet node stuck on its frozen journal never finishes its shutdown: bounded wait.
            await Task.WhenAny(system.Terminate(), Task.Delay(TimeSpan.FromSeconds(2)));
        }

        foreach (var system in _abandoned.Append(TableSystem))
        {
            try
            {
                // The system's own timeout runs on the fake clock: bound the wait on real time.
                await system.ShutdownAsync(TimeSpan.FromSeconds(2)).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                // A crashed node stuck on its frozen journal: nothing to wait for.
            }
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

    private async Task AbandonAsync(ActorSystem system)
    {
        _abandoned.Add(system);
        try
        {
            await system.ShutdownAsync(TimeSpan.FromMilliseconds(300)).WaitAsync(TimeSpan.FromMilliseconds(300));
        }
        catch (TimeoutException)
        {
            // Actors stuck on the frozen journal never stop; like a dead node, they are left behind.
        }
    }

    private static ActorSystemOptions NodeOptions => new()
    {
        // Restart at once (no backoff) so a failed write is retried without moving the clock.
        PersistentSupervision = new SupervisorStrategy { MaxRestarts = 1_000_000, Within = TimeSpan.FromDays(1) },
        DefaultAskTimeout = TimeSpan.FromDays(1),
    };

    private void StartTables()
    {
        TableSystem = ActorSystem.Create("tables-" + ++_generation, NodeOptions, Time);
        TableJournal = new FaultyJournal(TableStore);
        PersistenceExtension.Install(TableSystem, TableJournal, TableSnapshots, Serializer, new PersistenceOptions { SnapshotEvery = TableSnapshotEvery });
        // The wallets of the node running now (a crash replaces them), one bridged command at a time.
        Tables = TableHost.Start(TableSystem, _tableOptions, (player, command, replyTo) => WalletBridge.Over(Wallets)(player, command, replyTo), Metrics);
    }

    private async Task StartWalletsAsync()
    {
        WalletJournal = new FaultyJournal(WalletStore);
        WalletSystem = await TestNodes.StartOnStoresAsync("wallets-" + ++_generation, WalletSerialization.EngineHocon, _walletSerializer, WalletJournal, WalletSnapshots);
        var options = new WalletOptions { IdleTimeout = null, SnapshotEvery = 20, AskTimeout = TimeSpan.FromMilliseconds(500), AskAttempts = 40 };
        Wallets = await WalletDirectory.StartAsync(WalletSystem, options, Time);
    }
}
