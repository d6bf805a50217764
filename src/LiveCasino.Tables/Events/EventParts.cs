using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Events;

/// <summary>A bet as the table recorded it before reserving its stake. <paramref name="Replaces"/>: the bet it changes, if any.</summary>
public sealed record BetRequest(long BetNo, string PlayerId, string BetId, IReadOnlyList<BetLine> Lines, long Stake, long? Replaces);

/// <summary>A bet accepted at <paramref name="DecidedAt"/> (server time, before the window closed).</summary>
public sealed record AcceptedBet(long BetNo, DateTimeOffset DecidedAt);

/// <summary>A bet refused after it was recorded; <paramref name="Release"/> when a reservation may exist and must be voided.</summary>
public sealed record RejectedBet(long BetNo, BetRejection Reason, bool Release);

/// <summary>What one bet returns (stake included; 0 when lost).</summary>
public sealed record BetPayout(long BetNo, long Stake, long Returned);

/// <summary>A correction transfer: <paramref name="Amount"/> is signed (negative takes back an overpayment).</summary>
public sealed record Adjustment(long BetNo, string PlayerId, long Amount);

/// <summary>
/// A card of the round: <paramref name="Position"/> counts from 1 in dealing order; hand "player",
/// "banker", "dragon" or "tiger"; <paramref name="Source"/> the sensor reading it came from, if any.
/// </summary>
public sealed record DealtCard(int Position, string Card, string Hand, string? Source = null);

/// <summary>
/// A confirmed result in plain terms, the same shape for every game: what a client shows and what a
/// dispute reads. Roulette fills Number and Revolutions; card games fill Cards and the totals.
/// </summary>
public sealed record RoundResult(
    GameKind Game,
    string Winner,
    int? Number,
    int? Revolutions,
    IReadOnlyList<DealtCard>? Cards,
    int? PlayerTotal,
    int? BankerTotal,
    bool PlayerPair,
    bool BankerPair,
    bool SuitedTie)
{
    public bool SameOutcomeAs(RoundResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Game == other.Game && Number == other.Number &&
            (Cards ?? []).Select(c => (c.Card, c.Hand)).SequenceEqual((other.Cards ?? []).Select(c => (c.Card, c.Hand)));
    }
}

/// <summary>What a record seal closes: a round (settled or voided) or a later correction of one.</summary>
public enum RecordKind
{
    Round,
    Correction,
}
