using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Postgres;

/// <summary>
/// One batch as column arrays, the shape <c>unnest</c> turns back into rows: the whole batch
/// travels as one set of parameters, whatever its size.
/// </summary>
internal sealed class PostgresBatchArrays
{
    private PostgresBatchArrays(int writes, int events)
    {
        WritePids = new string[writes];
        WriteLowest = new long[writes];
        Pids = new string[events];
        SequenceNrs = new long[events];
        Timestamps = new DateTime[events];
        WriterIds = new string[events];
        Manifests = new string[events];
        Payloads = new byte[events][];
        Tags = new string?[events];
    }

    public string[] WritePids { get; }

    public long[] WriteLowest { get; }

    public string[] Pids { get; }

    public long[] SequenceNrs { get; }

    public DateTime[] Timestamps { get; }

    public string[] WriterIds { get; }

    public string[] Manifests { get; }

    public byte[][] Payloads { get; }

    public string?[] Tags { get; }

    /// <summary>Arrays of the writes whose <paramref name="encoded"/> entry is set (optionally only <paramref name="only"/>).</summary>
    public static PostgresBatchArrays Build(IReadOnlyList<AtomicWrite> writes, EncodedWrite?[] encoded, int only = -1)
    {
        int writeCount = 0, eventCount = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            if (encoded[i] is not null && (only < 0 || only == i))
            {
                writeCount++;
                eventCount += writes[i].Events.Count;
            }
        }

        var arrays = new PostgresBatchArrays(writeCount, eventCount);
        int w = 0, e = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            if (encoded[i] is not { } bytes || (only >= 0 && only != i))
            {
                continue;
            }

            var write = writes[i];
            arrays.WritePids[w] = write.PersistenceId;
            arrays.WriteLowest[w] = write.LowestSequenceNr;
            w++;
            for (var j = 0; j < write.Events.Count; j++)
            {
                var ev = write.Events[j];
                arrays.Pids[e] = ev.PersistenceId;
                arrays.SequenceNrs[e] = ev.SequenceNr;
                arrays.Timestamps[e] = ev.Timestamp.UtcDateTime;
                arrays.WriterIds[e] = ev.WriterId;
                arrays.Manifests[e] = bytes.Manifests[j];
                arrays.Payloads[e] = bytes.Payloads[j];
                arrays.Tags[e] = bytes.Tags[j];
                e++;
            }
        }

        return arrays;
    }
}
