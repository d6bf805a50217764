namespace LiveCasino.Actors.Core;

internal enum EnvelopeKind : byte
{
    User,
    Timer,
    ReceiveTimeout,
    PassivateStop,
}

/// <summary>A slot of the user queue: no allocation per message for reference-type protocols.</summary>
internal readonly record struct Envelope<T>(T Message, EnvelopeKind Kind, long Token)
{
    public static Envelope<T> User(T message) => new(message, EnvelopeKind.User, 0);
}
