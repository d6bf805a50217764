using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;

namespace LiveCasino.Stores.InMemory;

/// <summary>A snapshot store in process memory, for tests; round-trips through the serializer.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly IEventSerializer _serializer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedList<long, (SnapshotMetadata Meta, SerializedPayload Payload)>> _snapshots = new(StringComparer.Ordinal);

    public InMemorySnapshotStore(IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    public Task SaveAsync(SnapshotMetadata metadata, object state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var payload = _serializer.Serialize(state);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                list = [];
                _snapshots.Add(metadata.PersistenceId, list);
            }

            list[metadata.SequenceNr] = (metadata, payload);
        }

        return Task.CompletedTask;
    }

    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(persistenceId, out var list))
            {
                return Task.FromResult<SelectedSnapshot?>(null);
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                var (meta, payload) = list.Values[i];
                if (criteria.Matches(meta))
                {
                    var state = _serializer.Deserialize(payload.Manifest, payload.Bytes.Span);
                    return Task.FromResult<SelectedSnapshot?>(new SelectedSnapshot(meta, state));
                }
            }
        }

        return Task.FromResult<SelectedSnapshot?>(null);
    }

    public Task DeleteAsync(string persistenceId, SnapshotCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                foreach (var nr in list.Values.Where(v => criteria.Matches(v.Item1)).Select(v => v.Item1.SequenceNr).ToList())
                {
                    list.Remove(nr);
                }
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
