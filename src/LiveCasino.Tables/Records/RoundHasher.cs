using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LiveCasino.Tables.Records;

/// <summary>
/// The hash of one round record: SHA-256 over a version tag, the previous record's hash and the
/// digest of the record's events, each event as (sequence number, manifest, length-prefixed JSON
/// payload) in journal order. Changing, removing, adding or reordering any event changes the hash;
/// changing a stored hash breaks the link from the next record. Because the events are digested on
/// their own, a record's content can be checked against the previous hash its seal names even where
/// the link before it is broken (so one altered seal is not reported as two altered records).
/// </summary>
public sealed class RoundHasher : IDisposable
{
    /// <summary>The "previous hash" of a table's first record.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] Tag = Encoding.UTF8.GetBytes("livecasino.round-record.v1\n");

    private readonly IncrementalHash _events = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public RoundHasher(string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        PreviousHash = previousHash;
    }

    public string PreviousHash { get; }

    public int Events { get; private set; }

    public void Add(long sequenceNr, string manifest, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(header, sequenceNr);
        _events.AppendData(header);
        _events.AppendData(Encoding.UTF8.GetBytes(manifest));
        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
        _events.AppendData(header[..4]);
        _events.AppendData(payload);
        Events++;
    }

    /// <summary>The record hash so far (lower-case hex) chained to <see cref="PreviousHash"/>; more events may still be added.</summary>
    public string Current() => Chain(PreviousHash);

    /// <summary>The record hash of the same events chained to another previous hash.</summary>
    public string Chain(string previousHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Tag);
        sha.AppendData(Encoding.UTF8.GetBytes(previousHash));
        sha.AppendData(_events.GetCurrentHash());
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public void Dispose() => _events.Dispose();
}
