using System.Diagnostics;

namespace LiveCasino.Actors.Core;

internal enum EnvelopeKind : byte
{
    User,
    Timer,
    ReceiveTimeout,
    PassivateStop,
}

/// <summary>
/// A slot of the user queue: no allocation per message for reference-type protocols. Kind and
/// token share one long, so an envelope is two words and a queue slot three.
/// </summary>
internal readonly struct Envelope<T>
{
    private const int KindBits = 8;
    private readonly long _meta;

    public Envelope(T message, EnvelopeKind kind, long token)
    {
        Debug.Assert(token >= 0 && token < 1L << (63 - KindBits), "Timer tokens count up from zero.");
        Message = message;
        _meta = (token << KindBits) | (byte)kind;
    }

    private Envelope(T message)
    {
        Message = message;
        _meta = 0;
    }

    public T Message { get; }

    public EnvelopeKind Kind => (EnvelopeKind)(byte)_meta;

    public long Token => _meta >> KindBits;

    public static Envelope<T> User(T message) => new(message);
}
