using LiveCasino.Actors.Core;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// A reply address in another protocol: wraps each message for its owner (a table receiving wallet
/// replies, a console receiving table events). One per owner incarnation, so no ask and no timer per message.
/// </summary>
internal sealed class MessageAdapter<TIn, TOut>(ActorRef<TOut> owner, Func<TIn, TOut> wrap) : Actor<TIn>
    where TIn : notnull
    where TOut : notnull
{
    protected override ValueTask ReceiveAsync(TIn message)
    {
        owner.Tell(wrap(message));
        return ValueTask.CompletedTask;
    }
}
