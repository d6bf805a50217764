using LiveCasino.Actors.Core;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;

namespace LiveCasino.Actors.Persistence;

/// <summary>
/// The stores an actor system's event-sourced actors use. Install once per system with
/// <see cref="Install"/>; actors find it through their context.
/// </summary>
public sealed class PersistenceExtension
{
    private PersistenceExtension(IJournal journal, ISnapshotStore snapshots, EventSerializer serializer, PersistenceOptions options)
    {
        Journal = journal;
        Snapshots = snapshots;
        Serializer = serializer;
        Options = options;
        RecoveryPermits = new SemaphoreSlim(options.MaxConcurrentRecoveries, options.MaxConcurrentRecoveries);
    }

    public IJournal Journal { get; }

    public ISnapshotStore Snapshots { get; }

    public EventSerializer Serializer { get; }

    public PersistenceOptions Options { get; }

    internal SemaphoreSlim RecoveryPermits { get; }

    public static PersistenceExtension Install(ActorSystem system, IJournal journal, ISnapshotStore snapshots, EventSerializer serializer, PersistenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(serializer);
        options ??= PersistenceOptions.Default;
        options.Validate();
        var created = new PersistenceExtension(journal, snapshots, serializer, options);
        var installed = system.GetOrAddExtension(_ => created);
        if (!ReferenceEquals(installed, created))
        {
            throw new InvalidOperationException($"Persistence is already installed in actor system '{system.Name}'.");
        }

        return installed;
    }

    public static PersistenceExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.TryGetExtension<PersistenceExtension>(out var ext) && ext is not null
            ? ext
            : throw new InvalidOperationException($"Persistence is not installed in actor system '{system.Name}': call PersistenceExtension.Install first.");
    }
}
