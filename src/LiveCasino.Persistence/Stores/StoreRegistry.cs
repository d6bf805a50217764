using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using LiveCasino.Persistence.Serialization;
using LiveCasino.Stores.InMemory;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Sqlite;

namespace LiveCasino.Persistence.Stores;

/// <summary>
/// The stores an actor system has open, one per HOCON store section, opened on first use by
/// whichever plugin asks first (journal, snapshot store or read journal) and shared by all three.
/// They close in CoordinatedShutdown's before-actor-system-terminate phase, after the entities have
/// stopped and before the plugins do: queued writes are stored, nothing is cut off.
/// </summary>
public sealed class StoreRegistry : IExtension
{
    private readonly ActorSystem _system;
    private readonly AkkaEventSerializer _serializer;
    private readonly ConcurrentDictionary<string, Lazy<Task<OpenStore>>> _stores = new(StringComparer.Ordinal);
    private readonly Lazy<string> _defaultStorePath;
    private int _closed;

    public StoreRegistry(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _serializer = new AkkaEventSerializer(system);
        _defaultStorePath = new Lazy<string>(DefaultStorePath);
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "livecasino-close-stores", async () =>
        {
            await CloseAllAsync().ConfigureAwait(false);
            return Akka.Done.Instance;
        });
    }

    public static StoreRegistry For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<StoreRegistry, StoreRegistryProvider>();
    }

    /// <summary>The store of the section at <paramref name="storePath"/>, opening it on first use.</summary>
    public Task<OpenStore> GetAsync(string storePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        if (Volatile.Read(ref _closed) != 0)
        {
            return Task.FromException<OpenStore>(new ObjectDisposedException(nameof(StoreRegistry), "The actor system's stores are closed: it is shutting down."));
        }

        var entry = _stores.GetOrAdd(storePath, path => new Lazy<Task<OpenStore>>(() => OpenAsync(path)));
        if (entry.Value.IsFaulted)
        {
            // A store that failed to open (database down) is tried again by the next caller, not cached as failed.
            _stores.TryRemove(KeyValuePair.Create(storePath, entry));
            entry = _stores.GetOrAdd(storePath, path => new Lazy<Task<OpenStore>>(() => OpenAsync(path)));
        }

        return entry.Value;
    }

    /// <summary>
    /// Makes the section at <paramref name="storePath"/> use stores the caller opened and closes
    /// itself, instead of opening them from the section: one in-memory store shared by successive
    /// actor systems (a node restart in a test), or a store wrapped to inject faults. Call it before
    /// anything persists through the section; the queue in front of the store stops with the system.
    /// </summary>
    public void Provide(string storePath, IJournal journal, ISnapshotStore snapshots, BatchingJournalOptions? batching = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshots);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        var settings = new StoreSettings(storePath, StoreKind.Provided, null, null, (batching ?? new BatchingJournalOptions()).Validate());
        var entry = new Lazy<Task<OpenStore>>(Task.FromResult(new OpenStore(settings, journal, snapshots, ownsStores: false)));
        if (_stores.TryGetValue(storePath, out var existing) && existing.IsValueCreated && existing.Value.IsFaulted)
        {
            // A store that failed to open from its section may be replaced by one the host opened.
            _stores.TryRemove(KeyValuePair.Create(storePath, existing));
        }

        if (!_stores.TryAdd(storePath, entry))
        {
            throw new InvalidOperationException($"The store of '{storePath}' is already open in this actor system: provide it before anything persists.");
        }
    }

    /// <summary>
    /// The store behind the actor system's default journal plugin, for read sides that page through
    /// tagged events themselves (wallet history, payment reconciliation). Throws a
    /// <see cref="Akka.Configuration.ConfigurationException"/> when the default journal is not one of
    /// LiveCasino's plugins (those read sides then have no store to read).
    /// </summary>
    public Task<OpenStore> DefaultJournalStoreAsync() => GetAsync(_defaultStorePath.Value);

    /// <summary>The store section of the default journal plugin, read from the configuration once.</summary>
    private string DefaultStorePath()
    {
        var config = _system.Settings.Config;
        var plugin = config.GetString("akka.persistence.journal.plugin", string.Empty);
        var storePath = string.IsNullOrEmpty(plugin) ? null : config.GetString(plugin + ".store", null);
        return string.IsNullOrEmpty(storePath)
            ? throw new Akka.Configuration.ConfigurationException(
                $"The default journal plugin '{plugin}' is not a LiveCasino store plugin (livecasino.persistence.*.journal): the read sides that page through the store directly need one.")
            : storePath;
    }

    /// <summary>Reads the section (a bad one faults the returned task, naming its key) and opens the store.</summary>
    private async Task<OpenStore> OpenAsync(string storePath)
    {
        var settings = StoreSettings.Read(_system.Settings.Config, storePath);
        IJournal journal;
        ISnapshotStore snapshots;
        if (settings.Kind == StoreKind.Sqlite)
        {
            journal = await SqliteJournal.OpenAsync(settings.Sqlite!, _serializer, CancellationToken.None).ConfigureAwait(false);
            snapshots = await SqliteSnapshotStore.OpenAsync(settings.Sqlite!, _serializer, CancellationToken.None).ConfigureAwait(false);
        }
        else if (settings.Kind == StoreKind.Memory)
        {
            journal = new InMemoryJournal(_serializer);
            snapshots = new InMemorySnapshotStore(_serializer);
        }
        else
        {
            journal = await PostgresJournal.OpenAsync(settings.Postgres!, _serializer, CancellationToken.None).ConfigureAwait(false);
            snapshots = await PostgresSnapshotStore.OpenAsync(settings.Postgres!, _serializer, CancellationToken.None).ConfigureAwait(false);
        }

        return new OpenStore(settings, journal, snapshots);
    }

    private async Task CloseAllAsync()
    {
        Interlocked.Exchange(ref _closed, 1);
        foreach (var store in _stores.Values)
        {
            if (!store.IsValueCreated)
            {
                continue;
            }

            try
            {
                await using var open = await store.Value.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _system.Log.Error(ex, "Closing a LiveCasino store failed");
            }
        }
    }
}

public sealed class StoreRegistryProvider : ExtensionIdProvider<StoreRegistry>
{
    public override StoreRegistry CreateExtension(ExtendedActorSystem system) => new(system);
}
