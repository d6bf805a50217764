namespace LiveCasino.Server.Hubs.Contracts;

/// <summary><c>PlaceBet</c>: a bet of one or more lines for round <paramref name="RoundNo"/>.</summary>
public sealed record PlaceBetRequest(string TableId, long RoundNo, string BetId, IReadOnlyList<BetLineView> Lines);

/// <summary><c>CancelBet</c>: take an accepted bet back before close.</summary>
public sealed record CancelBetRequest(string TableId, long RoundNo, string BetId);

/// <summary>The answer to a bet or cancel: outcome "accepted", "cancelled" or "rejected" (with a reason).</summary>
public sealed record BetReply(
    string Outcome,
    string TableId,
    long RoundNo,
    string RoundId,
    string BetId,
    long? BetNo,
    long? Stake,
    string? Reason,
    string? Detail,
    DateTimeOffset ServerTime);

/// <summary>The answer to <c>JoinTable</c> and <c>Resync</c> (and the dealer's <c>Bind</c>).</summary>
public sealed record JoinReply(bool Ok, string TableId, string? Reason, string? Detail, TableSnapshotView? Snapshot);

/// <summary>The answer to <c>LeaveTable</c> and <c>Unbind</c>.</summary>
public sealed record LeaveReply(bool Ok, string? TableId, string? Reason);
