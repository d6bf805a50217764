namespace LiveCasino.Actors.Diagnostics;

/// <summary>
/// Something that holds many actors under one name (an entity region) and can sum their queued
/// user messages on demand, for the <c>livecasino.actors.mailbox_depth</c> gauges. Read at scrape
/// time only, so the message path pays nothing.
/// </summary>
internal interface IMailboxDepthSource
{
    /// <summary>The series label: one series per name, however many actors it holds.</summary>
    string MailboxGroup { get; }

    /// <summary>Queued messages over all its actors, and the largest single queue (approximate: read while they run).</summary>
    MailboxDepth MailboxDepth();
}

/// <summary>Queued user messages of a group of actors: the sum and the largest single mailbox.</summary>
internal readonly record struct MailboxDepth(long Total, long Largest)
{
    public MailboxDepth Add(MailboxDepth other) => new(Total + other.Total, Math.Max(Largest, other.Largest));
}
