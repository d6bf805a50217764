using LiveCasino.Actors.Mailboxes;
using LiveCasino.Actors.Supervision;

namespace LiveCasino.Actors.Core;

/// <summary>Typed settings of an actor system, validated when the system is created.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>Default number of user messages an actor handles per turn before it yields its thread.</summary>
    public const int DefaultThroughput = 128;

    public int Throughput { get; init; } = DefaultThroughput;

    public MailboxOptions Mailbox { get; init; } = MailboxOptions.Default;

    public SupervisorStrategy Supervision { get; init; } = SupervisorStrategy.Default;

    /// <summary>Default for event-sourced actors: a journal failure stops the instance, which restarts with backoff.</summary>
    public SupervisorStrategy PersistentSupervision { get; init; } =
        SupervisorStrategy.RestartWithBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), maxRestarts: 20);

    /// <summary>How many recent dead letters are kept for inspection (the count is unbounded).</summary>
    public int DeadLetterHistory { get; init; } = 256;

    /// <summary>Ask timeout used when a caller gives none.</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public static ActorSystemOptions Default { get; } = new();

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Throughput, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DeadLetterHistory, 0);
        if (DefaultAskTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultAskTimeout), "Ask timeout must be positive.");
        }

        Mailbox.Validate();
        Supervision.Validate();
        PersistentSupervision.Validate();
    }
}
