using System.Runtime.InteropServices;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;

namespace LiveCasino.Stores;

/// <summary>
/// The bytes of one atomic write, made before the transaction opens, so that a rejection
/// (unserializable event, bad tag) is known without touching the database. Shared by the SQLite
/// and PostgreSQL stores (the PostgreSQL project links this file).
/// </summary>
internal sealed class EncodedWrite
{
    private EncodedWrite(string[] manifests, byte[][] payloads, string?[] tags)
    {
        Manifests = manifests;
        Payloads = payloads;
        Tags = tags;
    }

    public string[] Manifests { get; }

    public byte[][] Payloads { get; }

    public string?[] Tags { get; }

    /// <summary>The encoded write, or null with <paramref name="rejection"/> set.</summary>
    /// <summary>
    /// Encodes every write of a batch. A write that cannot be encoded gets its Rejected result now
    /// and a null slot; <paramref name="pending"/> counts the writes left to store.
    /// </summary>
    public static EncodedWrite?[] EncodeAll(IReadOnlyList<AtomicWrite> writes, IEventSerializer serializer, WriteResult[] results, out int pending)
    {
        var encoded = new EncodedWrite?[writes.Count];
        pending = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            encoded[i] = TryEncode(writes[i], serializer, out var rejection);
            if (encoded[i] is null)
            {
                results[i] = WriteResult.Rejected(rejection!);
            }
            else
            {
                pending++;
            }
        }

        return encoded;
    }

    public static EncodedWrite? TryEncode(AtomicWrite write, IEventSerializer serializer, out Exception? rejection)
    {
        var count = write.Events.Count;
        var manifests = new string[count];
        var payloads = new byte[count][];
        var tags = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var e = write.Events[i];
            var tagError = TagCodec.Validate(e.Tags);
            if (tagError is not null)
            {
                rejection = new ArgumentException(tagError);
                return null;
            }

            SerializedPayload payload;
            try
            {
                payload = serializer.SerializeEvent(e);
            }
            catch (EventSerializationException ex)
            {
                rejection = ex;
                return null;
            }

            manifests[i] = payload.Manifest;
            payloads[i] = ExactArray(payload.Bytes);
            tags[i] = TagCodec.Join(e.Tags);
        }

        rejection = null;
        return new EncodedWrite(manifests, payloads, tags);
    }

    // The serializer hands out whole arrays; copy only when the memory is a slice.
    private static byte[] ExactArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
}
