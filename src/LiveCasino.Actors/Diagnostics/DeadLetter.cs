namespace LiveCasino.Actors.Diagnostics;

/// <summary>Why a message was not delivered.</summary>
public enum DeadLetterReason
{
    RecipientTerminated,
    MailboxFull,
    DroppedOldest,
    AskExpired,
    EntityBufferFull,
    StaleTimer,
}

/// <summary>A message that reached nobody.</summary>
public sealed record DeadLetter(string Recipient, object Message, DeadLetterReason Reason, DateTimeOffset At);
