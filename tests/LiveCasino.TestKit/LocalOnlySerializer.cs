using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Serialization;

namespace LiveCasino.TestKit;

/// <summary>
/// For test nodes that run with <c>serialize-messages = on</c>: Akka's journal sends its own
/// resequencer an internal message (<c>AsyncWriteJournal+Desequenced</c>) that is not marked
/// <see cref="INoSerializationVerificationNeeded"/> although it never leaves the node, so the check
/// would push the stored events through Akka's default JSON serializer. Bound to that message
/// only, this serializer hands the object itself back (by a token), and every other message is
/// still checked for real.
/// </summary>
public sealed class LocalOnlySerializer(ExtendedActorSystem system) : Serializer(system)
{
    private static readonly ConcurrentDictionary<long, object> Parked = new();
    private static long s_next;

    public override int Identifier => 1799;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj)
    {
        var token = Interlocked.Increment(ref s_next);
        Parked[token] = obj;
        return BitConverter.GetBytes(token);
    }

    public override object FromBinary(byte[] bytes, Type type) =>
        Parked.TryRemove(BitConverter.ToInt64(bytes), out var obj) ? obj : throw new InvalidOperationException("A local-only message was read twice or on another process.");
}
