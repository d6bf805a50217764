using LiveCasino.Actors.Mailboxes;

namespace LiveCasino.Hosting.Options;

/// <summary>Configuration section <c>LiveCasino:Kernel</c>: the actor system and persistence limits.</summary>
public sealed class KernelOptions
{
    public const string Section = "LiveCasino:Kernel";

    public int Throughput { get; set; } = 128;

    public int MailboxCapacity { get; set; } = MailboxOptions.DefaultCapacity;

    public OverflowPolicy MailboxOverflow { get; set; } = OverflowPolicy.DropNewest;

    public TimeSpan DefaultAskTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int DeadLetterHistory { get; set; } = 256;

    /// <summary>Events between snapshots of an event-sourced actor (0 = never).</summary>
    public int SnapshotEvery { get; set; } = 1_000;

    /// <summary>Entities recovering at once on this node (the rest wait): the guard against recovery storms.</summary>
    public int MaxConcurrentRecoveries { get; set; } = 64;
}
