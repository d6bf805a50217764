using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LiveCasino.Tables.Records;

/// <summary>
/// The hash of one round record: SHA-256 over a version tag, the previous record's hash, then each
/// recorded event as (sequence number, manifest, length-prefixed JSON payload) in journal order.
/// Changing, removing, adding or reordering any event changes the hash; changing a stored hash
/// breaks the link from the next record.
/// </summary>
public sealed class RoundHasher : IDisposable
{
    /// <summary>The "previous hash" of a table's first record.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] Tag = Encoding.UTF8.GetBytes("livecasino.round-record.v1\n");

    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public RoundHasher(string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        PreviousHash = previousHash;
        _sha.AppendData(Tag);
        _sha.AppendData(Encoding.UTF8.GetBytes(previousHash));
    }

    public string PreviousHash { get; }

    public int Events { get; private set; }

    public void Add(long sequenceNr, string manifest, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(header, sequenceNr);
        _sha.AppendData(header);
        _sha.AppendData(Encoding.UTF8.GetBytes(manifest));
        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
        _sha.AppendData(header[..4]);
        _sha.AppendData(payload);
        Events++;
    }

    /// <summary>The hash so far (lower-case hex); more events may still be added.</summary>
    public string Current() => Convert.ToHexStringLower(_sha.GetCurrentHash());

    public void Dispose() => _sha.Dispose();
}
