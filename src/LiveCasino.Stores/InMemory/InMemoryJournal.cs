using System.Runtime.CompilerServices;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Stores.InMemory;

/// <summary>
/// A journal in process memory, for tests. It serializes every event and deserializes on read, so
/// that a type which would fail on a real store fails here too.
/// </summary>
public sealed class InMemoryJournal : IJournal
{
    private readonly IEventSerializer _serializer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly List<Row> _all = [];
    private readonly List<string> _ids = [];
    private long _offset;

    public InMemoryJournal(IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    private sealed class Stream
    {
        public SortedList<long, Row> Rows { get; } = [];

        public long Highest { get; set; }

        public long DeletedTo { get; set; }
    }

    private sealed record Row(PersistentEvent Meta, SerializedPayload Payload, long Offset);

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new WriteResult[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            results[i] = WriteOne(writes[i]);
        }

        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    private WriteResult WriteOne(AtomicWrite write)
    {
        var payloads = new SerializedPayload[write.Events.Count];
        for (var i = 0; i < payloads.Length; i++)
        {
            try
            {
                payloads[i] = _serializer.SerializeEvent(write.Events[i]);
            }
            catch (EventSerializationException ex)
            {
                return WriteResult.Rejected(ex);
            }
        }

        lock (_gate)
        {
            var stream = GetOrAdd(write.PersistenceId);
            foreach (var e in write.Events)
            {
                if (stream.Rows.ContainsKey(e.SequenceNr) || e.SequenceNr <= stream.DeletedTo)
                {
                    return WriteResult.Failed(new SequenceConflictException(e.PersistenceId, e.SequenceNr));
                }
            }

            for (var i = 0; i < payloads.Length; i++)
            {
                var e = write.Events[i];
                var row = new Row(e, payloads[i], ++_offset);
                stream.Rows.Add(e.SequenceNr, row);
                _all.Add(row);
                stream.Highest = Math.Max(stream.Highest, e.SequenceNr);
            }
        }

        return WriteResult.Written;
    }

    public async IAsyncEnumerable<PersistentEvent> ReplayAsync(
        string persistenceId, long fromSequenceNr, long toSequenceNr, long max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Row> rows;
        lock (_gate)
        {
            if (max <= 0 || !_streams.TryGetValue(persistenceId, out var stream))
            {
                yield break;
            }

            rows = stream.Rows.Values
                .Where(r => r.Meta.SequenceNr >= fromSequenceNr && r.Meta.SequenceNr <= toSequenceNr)
                .Take((int)Math.Min(max, int.MaxValue))
                .ToList();
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Materialize(row);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_streams.TryGetValue(persistenceId, out var s) ? s.Highest : 0L);
        }
    }

    public Task DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(persistenceId, out var stream))
            {
                return Task.CompletedTask;
            }

            var upTo = Math.Min(toSequenceNr, stream.Highest);
            foreach (var nr in stream.Rows.Keys.Where(k => k <= upTo).ToList())
            {
                _all.Remove(stream.Rows[nr]);
                stream.Rows.Remove(nr);
            }

            stream.DeletedTo = Math.Max(stream.DeletedTo, upTo);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PersistentEvent>> ReadTaggedAsync(string tag, long afterOffset, int max, CancellationToken cancellationToken)
    {
        List<Row> rows;
        lock (_gate)
        {
            // _all is appended in offset order under the lock, so a scan is already ordered.
            rows = _all.Where(r => r.Offset > afterOffset && r.Meta.Tags.Contains(tag, StringComparer.Ordinal)).Take(max).ToList();
        }

        return Task.FromResult<IReadOnlyList<PersistentEvent>>(rows.Select(Materialize).ToList());
    }

    public Task<IReadOnlyList<PersistenceIdEntry>> ReadPersistenceIdsAsync(long afterPosition, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Position = 1-based index in creation order; streams are never removed.
            var from = (int)Math.Clamp(afterPosition, 0, _ids.Count);
            var entries = new List<PersistenceIdEntry>();
            for (var i = from; i < _ids.Count && entries.Count < max; i++)
            {
                entries.Add(new PersistenceIdEntry(_ids[i], i + 1));
            }

            return Task.FromResult<IReadOnlyList<PersistenceIdEntry>>(entries);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Stream GetOrAdd(string persistenceId)
    {
        if (!_streams.TryGetValue(persistenceId, out var stream))
        {
            stream = new Stream();
            _streams.Add(persistenceId, stream);
            _ids.Add(persistenceId);
        }

        return stream;
    }

    private PersistentEvent Materialize(Row row) =>
        row.Meta with
        {
            Payload = _serializer.Deserialize(row.Payload.Manifest, row.Payload.Bytes.Span),
            Serialized = row.Payload,
            Offset = row.Offset,
        };
}
