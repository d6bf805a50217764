namespace LiveCasino.Tables.Protocol;

/// <summary>The answer to a command that changes something: accepted, or refused with a reason enum.</summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "$reply")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableReply.BetAccepted), "bet-accepted")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableReply.BetRejected), "bet-rejected")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableReply.BetCancelled), "bet-cancelled")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableReply.CommandAccepted), "command-accepted")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableReply.CommandRejected), "command-rejected")]
public abstract record TableReply(string TableId)
{
    /// <summary>The bet is accepted and its stake reserved; durable before this is sent.</summary>
    public sealed record BetAccepted(string TableId, long RoundNo, string BetId, long BetNo, long Stake, DateTimeOffset AcceptedAt) : TableReply(TableId);

    public sealed record BetRejected(string TableId, long RoundNo, string BetId, BetRejection Reason, string? Detail) : TableReply(TableId);

    public sealed record BetCancelled(string TableId, long RoundNo, string BetId) : TableReply(TableId);

    /// <summary>A dealer, manager or operator command took effect (or was a repeat of one that had).</summary>
    public sealed record CommandAccepted(string TableId, long RoundNo, RoundPhase Phase, string What) : TableReply(TableId);

    public sealed record CommandRejected(string TableId, long RoundNo, TableRejection Reason, string Detail) : TableReply(TableId);
}
