namespace LiveCasino.Server.Api.Contracts;

/// <summary>
/// One of my bets as my wallet saw it: the stake reserved when the table accepted it, then settled
/// (payout, stake included when won), voided (stake released) or expired. Status: reserved,
/// settled, voided, expired. Table, round and bet come from the reservation's reference.
/// </summary>
public sealed record BetHistoryItem(
    string ReservationId, string? TableId, long? RoundNo, string? RoundId, string? BetId, string Status,
    long StakeMinor, long? PayoutMinor, long? NetMinor, DateTimeOffset PlacedAt, DateTimeOffset? ResolvedAt, string? Detail);

/// <summary>A page of my bets, newest first (page 1 is the newest).</summary>
public sealed record BetHistoryResponse(IReadOnlyList<BetHistoryItem> Items, int Page, int PageSize, bool HasMore);
