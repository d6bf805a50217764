using LiveCasino.Actors.Diagnostics;

namespace LiveCasino.Actors.Core;

/// <summary>The untyped face of an actor cell: what parents, children and watchers need of each other.</summary>
internal abstract class ActorCell
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected ActorCell(ActorSystem system, ActorCell? parent, string name, long uid, string? pathPrefix)
    {
        System = system;
        Parent = parent;
        Name = name;
        Uid = uid;
        Path = parent is null ? (pathPrefix ?? "/user/") + name : parent.Path + "/" + name;
    }

    public ActorSystem System { get; }

    public ActorCell? Parent { get; }

    public string Name { get; }

    public string Path { get; }

    public long Uid { get; }

    public abstract ActorRef UntypedSelf { get; }

    public Task WhenTerminated => _terminated.Task;

    public abstract bool IsTerminated { get; }

    public abstract void SendSystem(SystemMessage message);

    protected void MarkTerminated() => _terminated.TrySetResult();

    protected void DeadLetter(object message, DeadLetterReason reason) => System.DeadLetters.Publish(Path, message, reason);
}
