using LiveCasino.Actors.Core;

namespace LiveCasino.Actors.Tests.Support;

/// <summary>Forwards every message to a target: the simplest actor under test.</summary>
public sealed class Forwarder<T>(ActorRef<T> target) : Actor<T>
    where T : notnull
{
    protected override ValueTask ReceiveAsync(T message)
    {
        target.Tell(message);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Handles each message only after the test opens the gate: lets a test fill a mailbox.</summary>
public sealed class GatedActor<T>(Task gate, ActorRef<T> target, TaskCompletionSource? entered = null) : Actor<T>
    where T : notnull
{
    protected override async ValueTask ReceiveAsync(T message)
    {
        entered?.TrySetResult();
        await gate;
        target.Tell(message);
    }
}
