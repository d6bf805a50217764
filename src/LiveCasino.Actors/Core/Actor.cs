namespace LiveCasino.Actors.Core;

/// <summary>
/// An actor with protocol <typeparamref name="T"/>. One message at a time: while
/// <see cref="ReceiveAsync"/> (or <see cref="PreStartAsync"/>) has not completed, the next message
/// waits in the mailbox, so an actor may await I/O and still see its messages strictly in order.
/// Handlers that complete synchronously allocate nothing.
/// </summary>
public abstract class Actor<T>
    where T : notnull
{
    private ActorContext<T>? _context;

    /// <summary>The actor's view of the system; valid from <see cref="PreStartAsync"/> on.</summary>
    protected ActorContext<T> Context => _context ?? throw new InvalidOperationException("The actor context is set when the actor starts.");

    protected ActorRef<T> Self => Context.Self;

    internal void Attach(ActorContext<T> context) => _context = context;

    /// <summary>Handles one message. Throwing hands the failure to the actor's supervisor strategy.</summary>
    protected internal abstract ValueTask ReceiveAsync(T message);

    /// <summary>Runs before the first message (and after a restart); user messages wait until it completes.</summary>
    protected internal virtual ValueTask PreStartAsync() => ValueTask.CompletedTask;

    /// <summary>Runs on the old instance before a restart replaces it.</summary>
    protected internal virtual void PreRestart(Exception reason)
    {
    }

    /// <summary>Runs once when the actor stops for good (not on restart).</summary>
    protected internal virtual void PostStop()
    {
    }

    /// <summary>A watched actor stopped (for watches made without a message, see <see cref="ActorContext{T}.Watch(ActorRef)"/>).</summary>
    protected internal virtual void OnTerminated(ActorRef actor)
    {
    }
}
