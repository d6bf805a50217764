namespace LiveCasino.Actors.Supervision;

/// <summary>What to do with an actor whose message handler threw.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; go on with the next message.</summary>
    Resume,

    /// <summary>Replace the instance (state lost, mailbox and stash kept); optionally after a backoff.</summary>
    Restart,

    /// <summary>Stop the actor for good; watchers get Terminated.</summary>
    Stop,

    /// <summary>Fail the parent with the same exception; the parent's strategy decides.</summary>
    Escalate,
}
