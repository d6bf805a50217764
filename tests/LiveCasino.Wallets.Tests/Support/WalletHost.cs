using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Actors.Supervision;
using LiveCasino.Stores.Sqlite;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using Microsoft.Data.Sqlite;

namespace LiveCasino.Wallets.Tests.Support;

/// <summary>
/// A node with wallets on fake time: a real actor system, real journal (in memory or a SQLite temp
/// file) behind a <see cref="FaultyJournal"/>, and a way to restart the whole node on the same
/// stores. Persistent actors restart at once after a failure (no backoff), so a test needs no
/// clock moves to see a crashed wallet recover.
/// </summary>
public sealed class WalletHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Func<EventSerializer, Task<(IJournal, ISnapshotStore)>> _open;
    private readonly bool _reopenOnRestart;
    private readonly WalletOptions _options;
    private readonly PersistenceOptions _persistence;
    private readonly string? _directory;
    private int _generation;

    private WalletHost(Func<EventSerializer, Task<(IJournal, ISnapshotStore)>> open, bool reopenOnRestart, WalletOptions options, PersistenceOptions persistence, FakeTimeProvider time, string? directory)
    {
        _open = open;
        _reopenOnRestart = reopenOnRestart;
        _options = options;
        _persistence = persistence;
        _directory = directory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public EventSerializer Serializer { get; } = new EventSerializer().RegisterWalletTypes();

    public ActorSystem System { get; private set; } = null!;

    public FaultyJournal Journal { get; private set; } = null!;

    public IJournal InnerJournal { get; private set; } = null!;

    public ISnapshotStore Snapshots { get; private set; } = null!;

    public WalletDirectory Wallets { get; private set; } = null!;

    public static Task<WalletHost> InMemoryAsync(WalletOptions? options = null, PersistenceOptions? persistence = null, FakeTimeProvider? time = null) =>
        StartAsync(s => Task.FromResult<(IJournal, ISnapshotStore)>((new InMemoryJournal(s), new InMemorySnapshotStore(s))), false, options, persistence, time, null);

    public static Task<WalletHost> SqliteAsync(WalletOptions? options = null, PersistenceOptions? persistence = null, FakeTimeProvider? time = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "livecasino-wallets-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var storeOptions = new SqliteStoreOptions { DataSource = Path.Combine(dir, "wallets.db") };
        return StartAsync(
            async s => (await SqliteJournal.OpenAsync(storeOptions, s, CancellationToken.None), await SqliteSnapshotStore.OpenAsync(storeOptions, s, CancellationToken.None)),
            true, options, persistence, time, dir);
    }

    private static async Task<WalletHost> StartAsync(Func<EventSerializer, Task<(IJournal, ISnapshotStore)>> open, bool reopen, WalletOptions? options, PersistenceOptions? persistence, FakeTimeProvider? time, string? dir)
    {
        var host = new WalletHost(open, reopen, options ?? new WalletOptions { IdleTimeout = null }, persistence ?? new PersistenceOptions { SnapshotEvery = 5 }, time ?? new FakeTimeProvider(), dir);
        (host.InnerJournal, host.Snapshots) = await open(host.Serializer);
        host.StartNode();
        return host;
    }

    /// <summary>Stops every wallet and the actor system, reopens the stores (SQLite: from the file) and starts a new node on them.</summary>
    public async Task RestartNodeAsync()
    {
        await System.ShutdownAsync(Patience);
        if (_reopenOnRestart)
        {
            await InnerJournal.DisposeAsync();
            await Snapshots.DisposeAsync();
            SqliteConnection.ClearAllPools();
            (InnerJournal, Snapshots) = await _open(Serializer);
        }

        StartNode();
    }

    public Task<WalletReply> AskAsync(string player, Func<ActorRef<WalletReply>, WalletCommand> build) =>
        Wallets.AskAsync(player, build).WaitAsync(Patience);

    /// <summary>The wallet's whole state as a canonical digest, with its balance and sequence number.</summary>
    internal async Task<WalletInspected> InspectAsync(string player) =>
        (WalletInspected)await AskAsync(player, r => new InspectWallet("inspect", r));

    public async ValueTask DisposeAsync()
    {
        await System.ShutdownAsync(Patience);
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

    private void StartNode()
    {
        var options = new ActorSystemOptions
        {
            PersistentSupervision = new SupervisorStrategy { MaxRestarts = 1_000_000, Within = TimeSpan.FromDays(1) },
            DefaultAskTimeout = TimeSpan.FromDays(1), // asks are bounded on real time by Patience instead
        };
        System = ActorSystem.Create("wallets-" + ++_generation, options, Time);
        Journal = new FaultyJournal(InnerJournal);
        PersistenceExtension.Install(System, Journal, Snapshots, Serializer, _persistence);
        Wallets = WalletDirectory.Start(System, _options with { AskTimeout = TimeSpan.FromDays(1) });
    }
}
