namespace LiveCasino.Actors.Core;

/// <summary>Kernel-internal messages; handled ahead of user messages and never dropped.</summary>
internal abstract record SystemMessage
{
    public sealed record Stop : SystemMessage
    {
        public static Stop Instance { get; } = new();
    }

    public sealed record Watch(ActorCell Watcher) : SystemMessage;

    public sealed record Unwatch(ActorCell Watcher) : SystemMessage;

    public sealed record Terminated(ActorCell Actor) : SystemMessage;

    public sealed record ChildTerminated(ActorCell Child) : SystemMessage;

    public sealed record ChildEscalated(ActorCell Child, Exception Error) : SystemMessage;

    public sealed record RestartAfterBackoff(long Generation) : SystemMessage;
}
