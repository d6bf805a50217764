using LiveCasino.Actors.Mailboxes;
using LiveCasino.Actors.Supervision;

namespace LiveCasino.Actors.Core;

/// <summary>Everything needed to create (and re-create, on restart) an actor of protocol <typeparamref name="T"/>.</summary>
public sealed record Props<T>
    where T : notnull
{
    /// <summary>Default <see cref="StashCapacity"/>.</summary>
    public const int DefaultStashCapacity = 10_000;

    public Props(Func<Actor<T>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factory = factory;
    }

    public Func<Actor<T>> Factory { get; }

    public MailboxOptions Mailbox { get; init; } = MailboxOptions.Default;

    /// <summary>Null means the actor system's default strategy.</summary>
    public SupervisorStrategy? Supervision { get; init; }

    /// <summary>Most messages the actor may stash; one more throws <see cref="Stashing.StashOverflowException"/>.</summary>
    public int StashCapacity { get; init; } = DefaultStashCapacity;

    /// <summary>Most user messages handled in one turn on a pool thread before yielding it to other actors.</summary>
    public int? Throughput { get; init; }

    public Props<T> WithMailbox(int capacity, OverflowPolicy overflow = OverflowPolicy.DropNewest) =>
        this with { Mailbox = new MailboxOptions { Capacity = capacity, Overflow = overflow } };

    public Props<T> WithSupervision(SupervisorStrategy strategy) => this with { Supervision = strategy };

    internal void Validate()
    {
        Mailbox.Validate();
        Supervision?.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(StashCapacity, 0);
        if (Throughput is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "Throughput is at least 1.");
        }
    }
}

public static class Props
{
    public static Props<T> Create<T>(Func<Actor<T>> factory)
        where T : notnull => new(factory);
}
