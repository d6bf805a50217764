namespace LiveCasino.Actors.Mailboxes;

/// <summary>What a full mailbox does with one more user message.</summary>
public enum OverflowPolicy
{
    /// <summary>The new message is refused: Tell returns false and the message goes to dead letters.</summary>
    DropNewest,

    /// <summary>The oldest queued message goes to dead letters to make room for the new one.</summary>
    DropOldest,
}

/// <summary>Per-actor mailbox limits. System messages (stop, watch, failure) are never bounded or dropped.</summary>
public sealed record MailboxOptions
{
    /// <summary>Default <see cref="Capacity"/>: deep enough for bursts, small enough to bound memory.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>Most user messages waiting in the mailbox; at the limit <see cref="Overflow"/> applies.</summary>
    public int Capacity { get; init; } = DefaultCapacity;

    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropNewest;

    public static MailboxOptions Default { get; } = new();

    public void Validate()
    {
        if (Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "A mailbox holds at least one message.");
        }
    }
}
