using Akka.Actor;

namespace LiveCasino.Tables.Actor;

/// <summary>What a table sends itself (never another actor, never across nodes, so never serialized).</summary>
internal abstract record TableSignal : INoSerializationVerificationNeeded
{
    /// <summary>Persist the buffered decisions (group commit: queued behind what arrived meanwhile).</summary>
    public sealed record Flush : TableSignal
    {
        public static readonly Flush Instance = new();
    }

    /// <summary>The betting window of <paramref name="RoundNo"/> is over by the table's clock.</summary>
    public sealed record CloseTimerFired(long RoundNo) : TableSignal;

    /// <summary>Re-ask unanswered reservations and resend due outbox entries.</summary>
    public sealed record Sweep : TableSignal
    {
        public static readonly Sweep Instance = new();
    }

    /// <summary>After recovery: finish what the last incarnation left (seal, close, resend).</summary>
    public sealed record Resume : TableSignal
    {
        public static readonly Resume Instance = new();
    }
}
