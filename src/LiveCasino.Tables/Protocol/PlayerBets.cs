namespace LiveCasino.Tables.Protocol;

/// <summary>A player's bets in the current round (or the last one, once it is over).</summary>
public sealed record PlayerBets(string TableId, long RoundNo, string PlayerId, IReadOnlyList<PlayerBet> Bets);

/// <summary>One bet of a player; <paramref name="Returned"/> once the round is settled.</summary>
public sealed record PlayerBet(string BetId, long BetNo, IReadOnlyList<BetLine> Lines, long Stake, BetStatus Status, BetRejection? Reason, long? Returned);
