namespace LiveCasino.Actors.Supervision;

/// <summary>
/// How an actor's own failures are handled (supervision wraps the child, as in Akka Typed).
/// Restarts are limited to <see cref="MaxRestarts"/> within <see cref="Within"/>; past the limit the
/// actor stops. With <see cref="Backoff"/>, each restart waits an exponentially growing delay while
/// the mailbox keeps (bounded) incoming messages, so nothing sent meanwhile is lost.
/// </summary>
public sealed record SupervisorStrategy
{
    public Func<Exception, Directive> Decider { get; init; } = static _ => Directive.Restart;

    /// <summary>Restarts allowed within <see cref="Within"/> before the actor is stopped instead.</summary>
    public int MaxRestarts { get; init; } = 10;

    public TimeSpan Within { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Null restarts at once.</summary>
    public BackoffOptions? Backoff { get; init; }

    /// <summary>Restart at once, at most 10 times a minute.</summary>
    public static SupervisorStrategy Default { get; } = new();

    public static SupervisorStrategy StopOnFailure { get; } = new() { Decider = static _ => Directive.Stop };

    public static SupervisorStrategy ResumeOnFailure { get; } = new() { Decider = static _ => Directive.Resume };

    public static SupervisorStrategy EscalateOnFailure { get; } = new() { Decider = static _ => Directive.Escalate };

    public static SupervisorStrategy RestartWithBackoff(TimeSpan min, TimeSpan max, int maxRestarts = 10, TimeSpan? within = null) =>
        new() { Backoff = new BackoffOptions(min, max), MaxRestarts = maxRestarts, Within = within ?? TimeSpan.FromMinutes(5) };

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Decider);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRestarts);
        if (Within <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Within), "Within must be positive.");
        }

        Backoff?.Validate();
    }
}
