namespace LiveCasino.Actors.Core;

/// <summary>
/// The address of an actor, independent of its message type: used for death watch, logging and
/// equality. Two refs are equal when they name the same incarnation (path and uid).
/// </summary>
public abstract class ActorRef : IEquatable<ActorRef>
{
    private protected ActorRef(ActorSystem system, string path, long uid)
    {
        System = system;
        Path = path;
        Uid = uid;
    }

    /// <summary>The system the target lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>Hierarchical name, e.g. "/user/table-7/console".</summary>
    public string Path { get; }

    /// <summary>Incarnation id: a new actor under the same path gets another uid. 0 for routed refs.</summary>
    public long Uid { get; }

    /// <summary>The cell behind this ref, when it is a local actor (null for ask promises and routed refs).</summary>
    internal abstract ActorCell? Cell { get; }

    public bool Equals(ActorRef? other) => other is not null && other.Uid == Uid && string.Equals(other.Path, Path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ActorRef);

    public override int GetHashCode() => HashCode.Combine(Path, Uid);

    public override string ToString() => Uid == 0 ? Path : $"{Path}#{Uid}";
}

/// <summary>
/// A ref that accepts only its actor's protocol <typeparamref name="T"/>, so a wrong message is a
/// compile error. Tell never blocks; it returns false when the message was not enqueued
/// (mailbox full with DropNewest, or the target is gone) and the message went to dead letters.
/// </summary>
public sealed class ActorRef<T> : ActorRef
    where T : notnull
{
    private readonly IMessageSink<T> _sink;

    internal ActorRef(ActorSystem system, IMessageSink<T> sink, string path, long uid)
        : base(system, path, uid) => _sink = sink;

    internal override ActorCell? Cell => _sink as ActorCell;

    /// <summary>Sends a message; at most once, in order per sender.</summary>
    public bool Tell(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _sink.Post(message);
    }
}

/// <summary>Anything that can take a message of <typeparamref name="T"/>: an actor cell, an ask promise, a region route.</summary>
internal interface IMessageSink<in T>
{
    bool Post(T message);
}
