using LiveCasino.Games.Baccarat;
using LiveCasino.Tables.Configuration;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Protocol;

/// <summary>
/// Everything a table accepts: from the operator (configure), players (bets), dealer consoles
/// (round flow, cards, spins, shoe), shift managers (void, re-scan, re-settle) and the edge
/// (subscribe, queries, viewers). Commands that change something answer the sender with a
/// <see cref="TableReply"/>; queries answer with their own type. Messages of the "table" sharding
/// region: sent in a <c>ShardingEnvelope</c> (see <c>Tables</c>), serialized under "table.*.v1" manifests.
/// </summary>
public abstract record TableCommand
{
    private protected TableCommand()
    {
    }

    // ---- operator ----

    /// <summary>Sets the configuration; only when no round is in progress.</summary>
    public sealed record Configure(TableConfig Config, string By) : TableCommand;

    // ---- players ----

    /// <summary>
    /// A bet of one or more lines, reserved in the player's wallet as one stake. <paramref name="BetId"/>
    /// is made by the caller, unique per player and round: a repeat gets the first answer.
    /// </summary>
    public sealed record PlaceBet(string PlayerId, string BetId, long RoundNo, IReadOnlyList<BetLine> Lines, string Currency) : TableCommand;

    /// <summary>Replaces an accepted bet by a new one, atomically: the old stands until the new is accepted.</summary>
    public sealed record ChangeBet(string PlayerId, string BetId, string NewBetId, long RoundNo, IReadOnlyList<BetLine> Lines, string Currency) : TableCommand;

    /// <summary>Takes an accepted bet back before close; its reservation is voided.</summary>
    public sealed record CancelBet(string PlayerId, string BetId, long RoundNo) : TableCommand;

    // ---- dealer ----

    public sealed record OpenRound(DealerStamp Stamp) : TableCommand;

    /// <summary>"No more bets" before the timer.</summary>
    public sealed record CloseBets(long RoundNo, DealerStamp Stamp) : TableCommand;

    /// <summary>
    /// A card out of the shoe for the round. <paramref name="Position"/> (1-based, dealing order) or
    /// <paramref name="ReadingId"/> (the sensor reading it came from, e.g. "console-1/sensor/57") makes a
    /// repeated scan idempotent; with neither, it is "the next card". <paramref name="PlacedOn"/> is
    /// checked against the drawing rules when the layout can tell (baccarat).
    /// </summary>
    public sealed record ScanCard(long RoundNo, string Card, int? Position, BaccaratHand? PlacedOn, DealerStamp Stamp, string? ReadingId = null) : TableCommand;

    /// <summary>The ball was launched (roulette "spinning"); optional, a result implies it.</summary>
    public sealed record StartSpin(long RoundNo, DealerStamp Stamp) : TableCommand;

    /// <summary>The wheel's result: pocket number, ball revolutions, and whether a fault was seen.</summary>
    public sealed record ReportSpin(long RoundNo, int Number, int Revolutions, bool Fault, DealerStamp Stamp) : TableCommand;

    /// <summary>A burn card; <paramref name="ReadingId"/> makes a repeated reading of the same burn idempotent.</summary>
    public sealed record BurnCard(string Card, DealerStamp Stamp, string? ReadingId = null) : TableCommand;

    public sealed record ChangeShoe(DealerStamp Stamp) : TableCommand;

    public sealed record ReachCutCard(DealerStamp Stamp) : TableCommand;

    // ---- dealer or shift manager ----

    /// <summary>Voids the round (any phase before settlement): every stake is refunded.</summary>
    public sealed record VoidRound(long RoundNo, string Reason, DealerStamp Stamp) : TableCommand;

    /// <summary>Replaces the card at <paramref name="Position"/> before the result is confirmed (a mis-scan).</summary>
    public sealed record RescanCard(long RoundNo, int Position, string Card, string Reason, DealerStamp Stamp) : TableCommand;

    /// <summary>
    /// Moves a settled round to the corrected result (the one on video) and pays the difference:
    /// roulette gives <paramref name="Number"/>, card games every card in dealing order.
    /// Only between rounds.
    /// </summary>
    public sealed record ResettleRound(long RoundNo, int? Number, IReadOnlyList<string>? Cards, string Reason, DealerStamp Stamp) : TableCommand;

    // ---- edge: observation ----

    /// <summary>
    /// Registers the sender for every persisted event from now on; it first gets a
    /// <see cref="TableNotification.Subscribed"/> with the state the events continue from.
    /// Idempotent: a repeat only answers the state again.
    /// </summary>
    public sealed record Subscribe : TableCommand;

    public sealed record Unsubscribe : TableCommand;

    /// <summary>Answered with a <see cref="TableSnapshot"/>.</summary>
    public sealed record GetSnapshot : TableCommand;

    /// <summary>Answered with the <see cref="PlayerBets"/> of <paramref name="PlayerId"/>.</summary>
    public sealed record GetPlayerBets(string PlayerId) : TableCommand;

    /// <summary>Viewers watching now on the sender's member, counted by its edge; summed over members in the statistics, not persisted.</summary>
    public sealed record SetViewers(int Count) : TableCommand;

    /// <summary>Starts the table (recovery, then pending deliveries resume); sent at node start. Not answered.</summary>
    public sealed record Wake : TableCommand;
}
