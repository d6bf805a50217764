using LiveCasino.Actors.Core;
using LiveCasino.Actors.Persistence;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Node;

/// <summary>
/// One running node: the actor system with persistence installed on the configured store. Started
/// and stopped by <see cref="LiveCasinoNodeService"/>; other services read <see cref="System"/>
/// once <see cref="IsReady"/> (or await <see cref="Ready"/>). Shutdown stops the actors first, so
/// whatever they are persisting finishes, then flushes the group-commit queue and closes the store.
/// </summary>
public sealed partial class LiveCasinoNode
{
    private readonly NodeOptions _node;
    private readonly StoreOptions _store;
    private readonly KernelOptions _kernel;
    private readonly IEnumerable<EventTypeRegistration> _registrations;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<LiveCasinoNode> _log;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActorSystem? _system;
    private IJournal? _journal;
    private ISnapshotStore? _snapshots;

    public LiveCasinoNode(
        IOptions<NodeOptions> node,
        IOptions<StoreOptions> store,
        IOptions<KernelOptions> kernel,
        IEnumerable<EventTypeRegistration> registrations,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(kernel);
        _node = node.Value;
        _store = store.Value;
        _kernel = kernel.Value;
        _registrations = registrations;
        _time = time;
        _loggers = loggers;
        _log = loggers.CreateLogger<LiveCasinoNode>();
        Serializer = new EventSerializer();
    }

    public EventSerializer Serializer { get; }

    public ActorSystem System => _system ?? throw new InvalidOperationException("The node has not started yet.");

    public bool IsReady => _ready.Task.IsCompletedSuccessfully && !IsStopping;

    public bool IsStopping { get; private set; }

    /// <summary>Completes when the node has started (faults if start-up failed).</summary>
    public Task Ready => _ready.Task;

    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var registration in _registrations)
            {
                registration.Register(Serializer);
            }

            Directory.CreateDirectory(_node.DataDirectory);
            (_journal, _snapshots) = await HostedStores.OpenAsync(_node, _store, Serializer, cancellationToken).ConfigureAwait(false);
            _system = ActorSystem.Create(_node.Name, LiveCasinoOptionsValidator.ToActorSystemOptions(_kernel), _time, _loggers);
            PersistenceExtension.Install(_system, _journal, _snapshots, Serializer, LiveCasinoOptionsValidator.ToPersistenceOptions(_kernel));
            var where = _store.Provider == StoreProvider.Sqlite ? HostedStores.SqlitePath(_node, _store) : "schema " + _store.PostgresSchema;
            Started(_log, _node.Name, _store.Provider, where);
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            _ready.TrySetException(ex);
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal async Task StopAsync()
    {
        IsStopping = true;
        if (_system is { } system)
        {
            await system.ShutdownAsync(_node.ShutdownTimeout).ConfigureAwait(false);
        }

        if (_journal is { } journal)
        {
            await journal.DisposeAsync().ConfigureAwait(false); // stores every queued write, then closes
        }

        if (_snapshots is { } snapshots)
        {
            await snapshots.DisposeAsync().ConfigureAwait(false);
        }

        Stopped(_log, _node.Name);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Node {Node} started on {Store} ({Where})")]
    private static partial void Started(ILogger logger, string node, StoreProvider store, string where);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Node {Node} stopped: actors finished, journal flushed and closed")]
    private static partial void Stopped(ILogger logger, string node);
}
