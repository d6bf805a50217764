using LiveCasino.Actors.Core;

namespace LiveCasino.Server.Edge;

/// <summary>
/// An address in another protocol for an edge actor: wraps each message it receives and passes it
/// on to <paramref name="owner"/> (a table feed receiving table notifications). One per owner.
/// </summary>
internal sealed class Relay<TIn, TOut>(ActorRef<TOut> owner, Func<TIn, TOut> wrap) : Actor<TIn>
    where TIn : notnull
    where TOut : notnull
{
    protected override ValueTask ReceiveAsync(TIn message)
    {
        owner.Tell(wrap(message));
        return ValueTask.CompletedTask;
    }
}
