using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveCasino.Sharding;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Sqlite;
using FaultyJournal = LiveCasino.TestKit.FaultyJournal;
using NodeSerializer = LiveCasino.TestKit.NodeSerializer;
using TestNodes = LiveCasino.TestKit.TestNodes;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LiveCasino.Wallets.Tests.Support;

/// <summary>
/// A node with wallets on a fake clock: a real Akka.NET actor system, a one-node cluster with the
/// wallet sharding region, our journal plugin over a real store (in memory, or a SQLite temp file)
/// behind a <see cref="FaultyJournal"/>, and a way to restart the whole node on the same store.
/// (Messages are not round-tripped here: serialize-messages would also round-trip the journal's
/// internal failure reports, which carry exceptions, and a failed write would then go unreported;
/// SerializationTests prove every region message crosses serialization.)
/// </summary>
public sealed class WalletHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Func<IEventSerializer, Task<(IJournal, ISnapshotStore)>> _open;
    private readonly bool _reopenOnRestart;
    private readonly WalletOptions _options;
    private readonly string? _directory;
    private readonly NodeSerializer _serializer = new();
    private int _generation;

    private WalletHost(Func<IEventSerializer, Task<(IJournal, ISnapshotStore)>> open, bool reopenOnRestart, WalletOptions options, FakeTimeProvider time, string? directory)
    {
        _open = open;
        _reopenOnRestart = reopenOnRestart;
        _options = options;
        _directory = directory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public ActorSystem System { get; private set; } = null!;

    public FaultyJournal Journal { get; private set; } = null!;

    public IJournal InnerJournal { get; private set; } = null!;

    public ISnapshotStore Snapshots { get; private set; } = null!;

    public WalletDirectory Wallets { get; private set; } = null!;

    /// <summary>Options of a test wallet: short asks retried often (a command sent while a failed wallet stops is lost and sent again), snapshots every 5 events.</summary>
    public static WalletOptions TestOptions(WalletOptions? options = null)
    {
        var given = options ?? new WalletOptions { IdleTimeout = null };
        var snapshotEvery = given.SnapshotEvery == WalletOptions.Default.SnapshotEvery ? 5 : given.SnapshotEvery;
        return given with { AskTimeout = TimeSpan.FromMilliseconds(250), AskAttempts = 80, SnapshotEvery = snapshotEvery };
    }

    public static Task<WalletHost> InMemoryAsync(WalletOptions? options = null, FakeTimeProvider? time = null) =>
        StartAsync(s => Task.FromResult<(IJournal, ISnapshotStore)>((new InMemoryJournal(s), new InMemorySnapshotStore(s))), false, options, time, null);

    public static Task<WalletHost> SqliteAsync(WalletOptions? options = null, FakeTimeProvider? time = null)
    {
        var dir = Directory.CreateTempSubdirectory("livecasino-wallets-").FullName;
        var storeOptions = new SqliteStoreOptions { DataSource = Path.Combine(dir, "wallets.db") };
        return StartAsync(
            async s => (await SqliteJournal.OpenAsync(storeOptions, s, CancellationToken.None), await SqliteSnapshotStore.OpenAsync(storeOptions, s, CancellationToken.None)),
            true, options, time, dir);
    }

    private static async Task<WalletHost> StartAsync(Func<IEventSerializer, Task<(IJournal, ISnapshotStore)>> open, bool reopen, WalletOptions? options, FakeTimeProvider? time, string? dir)
    {
        var host = new WalletHost(open, reopen, TestOptions(options), time ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)), dir);
        (host.InnerJournal, host.Snapshots) = await open(host._serializer);
        await host.StartNodeAsync();
        return host;
    }

    /// <summary>Stops the node (its entities finish what they persist), reopens the stores (SQLite: from the file) and starts a new node on them.</summary>
    public async Task RestartNodeAsync()
    {
        await StopNodeAsync();
        if (_reopenOnRestart)
        {
            await InnerJournal.DisposeAsync();
            await Snapshots.DisposeAsync();
            SqliteConnection.ClearAllPools();
            (InnerJournal, Snapshots) = await _open(_serializer);
        }

        await StartNodeAsync();
    }

    public Task<WalletReply> AskAsync(string player, WalletCommand command) =>
        Wallets.AskAsync(player, command).WaitAsync(Patience);

    /// <summary>The wallet's whole state as a canonical digest, with its balance and sequence number.</summary>
    internal async Task<WalletInspected> InspectAsync(string player) =>
        (WalletInspected)await AskAsync(player, new InspectWallet("inspect"));

    /// <summary>The running entity of <paramref name="player"/> (started by a read first).</summary>
    public async Task<IActorRef> EntityAsync(string player)
    {
        await AskAsync(player, new GetBalance("locate"));
        var path = $"/system/sharding/{_options.EntityType}/*/{Uri.EscapeDataString(player)}";
        return await System.ActorSelection(path).ResolveOne(Patience);
    }

    /// <summary>Passivates the wallet the way its shard does when it is idle (Akka's Passivate with our stop message) and waits until it stopped.</summary>
    public async Task PassivateAsync(string player)
    {
        var entity = await EntityAsync(player);
        var stopped = entity.WatchAsync();
        System.ActorSelection(entity.Path.Parent).Tell(new Passivate(EntityStop.Instance), entity);
        await stopped.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await StopNodeAsync();
        await InnerJournal.DisposeAsync();
        await Snapshots.DisposeAsync();
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }

    private async Task StopNodeAsync() => await System.Terminate().WaitAsync(Patience);

    private async Task StartNodeAsync()
    {
        Journal = new FaultyJournal(InnerJournal);
        System = await TestNodes.StartOnStoresAsync("wallets-" + ++_generation, WalletSerialization.EngineHocon, _serializer, Journal, Snapshots);
        Wallets = await WalletDirectory.StartAsync(System, _options, Time);
    }
}
