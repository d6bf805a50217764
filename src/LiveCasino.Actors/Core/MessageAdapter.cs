namespace LiveCasino.Actors.Core;

/// <summary>The child behind <see cref="ActorContext{T}.SpawnAdapter{TIn}"/>: wraps each message and passes it to its owner.</summary>
internal sealed class MessageAdapter<TIn, TOut>(ActorRef<TOut> owner, Func<TIn, TOut> wrap) : Actor<TIn>
    where TIn : notnull
    where TOut : notnull
{
    protected internal override ValueTask ReceiveAsync(TIn message)
    {
        owner.Tell(wrap(message));
        return ValueTask.CompletedTask;
    }
}
