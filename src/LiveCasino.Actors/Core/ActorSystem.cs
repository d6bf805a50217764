using System.Collections.Concurrent;
using LiveCasino.Actors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveCasino.Actors.Core;

/// <summary>
/// The root of a set of actors: the clock they use, their logger, dead letters and top-level
/// actors. Actors run on the .NET thread pool (no thread per actor).
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ActorCell> _topLevel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private readonly ConcurrentBag<Func<Task>> _stoppables = [];
    private long _uid;
    private int _shuttingDown;

    private ActorSystem(string name, ActorSystemOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Name = name;
        Options = options;
        Time = time;
        LoggerFactory = loggerFactory;
        Log = loggerFactory.CreateLogger("LiveCasino.Actors");
        DeadLetters = new DeadLetterOffice(time, options.DeadLetterHistory);
    }

    public string Name { get; }

    public ActorSystemOptions Options { get; }

    public TimeProvider Time { get; }

    public ILoggerFactory LoggerFactory { get; }

    public DeadLetterOffice DeadLetters { get; }

    internal ILogger Log { get; }

    public static ActorSystem Create(string name, ActorSystemOptions? options = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= ActorSystemOptions.Default;
        options.Validate();
        return new ActorSystem(name, options, time ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <summary>Creates a top-level actor; its name is unique among top-level actors.</summary>
    public ActorRef<T> Spawn<T>(Props<T> props, string name)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(props);
        return SpawnCell(props, name, null).Self;
    }

    internal ActorCell<T> SpawnCell<T>(Props<T> props, string name, Action<ActorCell<T>>? onTerminated)
        where T : notnull
    {
        props.Validate();
        ActorNames.Validate(name);
        if (Volatile.Read(ref _shuttingDown) != 0)
        {
            throw new InvalidOperationException($"Actor system '{Name}' is shutting down.");
        }

        var cell = new ActorCell<T>(this, null, name, props, onTerminated);
        if (!_topLevel.TryAdd(name, cell))
        {
            throw new InvalidOperationException($"A top-level actor named '{name}' already exists.");
        }

        cell.Start();
        return cell;
    }

    /// <summary>
    /// Creates an actor owned by a region rather than the top level: not named among top-level
    /// actors, and its termination hook receives every message it never handled.
    /// </summary>
    internal ActorCell<T> SpawnOwned<T>(Props<T> props, string name, string pathPrefix, Action<ActorCell<T>> onTerminated)
        where T : notnull
    {
        var cell = new ActorCell<T>(this, null, name, props, onTerminated, pathPrefix);
        cell.Start();
        return cell;
    }

    internal void RegisterStoppable(Func<Task> stop) => _stoppables.Add(stop);

    /// <summary>Asks an actor to stop; pending user messages are not handled (they go to dead letters).</summary>
    public static void Stop(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Cell?.SendSystem(SystemMessage.Stop.Instance);
    }

    /// <summary>Completes when the actor has stopped (at once for refs that are not local actors).</summary>
    public static Task WhenTerminated(ActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Cell?.WhenTerminated ?? Task.CompletedTask;
    }

    /// <summary>A per-system singleton (journals, regions registry): created once on first use.</summary>
    public TExtension GetOrAddExtension<TExtension>(Func<ActorSystem, TExtension> factory)
        where TExtension : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (TExtension)_extensions.GetOrAdd(typeof(TExtension), static (_, arg) => arg.factory(arg.system), (factory, system: this));
    }

    public bool TryGetExtension<TExtension>(out TExtension? extension)
        where TExtension : class
    {
        var found = _extensions.TryGetValue(typeof(TExtension), out var value);
        extension = value as TExtension;
        return found;
    }

    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal void OnTopLevelTerminated(ActorCell cell) => _topLevel.TryRemove(new KeyValuePair<string, ActorCell>(cell.Name, cell));

    /// <summary>Stops every top-level actor (children first) and waits for them, up to <paramref name="timeout"/>.</summary>
    public async Task ShutdownAsync(TimeSpan timeout)
    {
        Interlocked.Exchange(ref _shuttingDown, 1);

        // Regions first: their entities drain their mailboxes before the rest stops.
        await Task.WhenAll(_stoppables.Select(s => s())).WaitAsync(timeout, Time).ConfigureAwait(false);
        var cells = _topLevel.Values.ToList();
        foreach (var cell in cells)
        {
            cell.SendSystem(SystemMessage.Stop.Instance);
        }

        var all = Task.WhenAll(cells.Select(c => c.WhenTerminated));
        await all.WaitAsync(timeout, Time).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ShutdownAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Dispose is best effort; ShutdownAsync reports the timeout to callers who need it.
        }
    }
}
