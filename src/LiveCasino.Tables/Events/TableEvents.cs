using LiveCasino.Tables.Configuration;

namespace LiveCasino.Tables.Events;

/// <summary>
/// Everything a table persists. Each event carries the round it belongs to (for table-level
/// events: the last round opened), the server time and the studio time (the dealer's clock, or
/// server time shifted by the studio's last known offset). Stored under stable manifests
/// "table.&lt;name&gt;.v1"; fields are only ever added. Events that move bets or money are batched
/// (one event per journal write holds many bets) to keep a 30,000-bet round cheap.
/// </summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "$event")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableConfigured), "configured")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ShoeChanged), "shoe-changed")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CardBurned), "card-burned")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CutCardReached), "cut-card-reached")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ShoeFlagged), "shoe-flagged")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(RoundOpened), "round-opened")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(BetsRequested), "bets-requested")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(BetsAccepted), "bets-accepted")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(BetsRejected), "bets-rejected")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(BetsCancelled), "bets-cancelled")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(BettingClosed), "betting-closed")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(DealingStarted), "dealing-started")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CardDealt), "card-dealt")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CardRescanned), "card-rescanned")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ResultConfirmed), "result-confirmed")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(RoundSettled), "round-settled")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(RoundVoided), "round-voided")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(RoundResettled), "round-resettled")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(RoundSealed), "round-sealed")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(WalletOperationsConfirmed), "wallet-operations-confirmed")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(SettlementRerouted), "settlement-rerouted")]
public abstract record TableEvent(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt);

/// <summary>Configuration set or changed between rounds.</summary>
public sealed record TableConfigured(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, TableConfig Config, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>A new shoe of <paramref name="Decks"/> decks; burn cards come next.</summary>
public sealed record ShoeChanged(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, int ShoeNo, int Decks, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

public sealed record CardBurned(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string Card, string By, string? Source = null)
    : TableEvent(RoundNo, ServerAt, StudioAt);

public sealed record CutCardReached(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>A card that cannot come from this shoe (a ninth copy): the shoe is flagged and must be changed.</summary>
public sealed record ShoeFlagged(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string Card, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>Bets taken from <paramref name="ServerAt"/> until <paramref name="ClosesAt"/> (server time is the authority).</summary>
public sealed record RoundOpened(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, DateTimeOffset ClosesAt, PaytableRef Paytable, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>Bets recorded before their stakes are reserved, so a restart can void what it cannot finish.</summary>
public sealed record BetsRequested(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, IReadOnlyList<BetRequest> Bets)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>Bets whose stakes are reserved, decided while the window was open. A changed bet's predecessor is cancelled here.</summary>
public sealed record BetsAccepted(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, IReadOnlyList<AcceptedBet> Bets)
    : TableEvent(RoundNo, ServerAt, StudioAt);

public sealed record BetsRejected(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, IReadOnlyList<RejectedBet> Bets)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>Accepted bets the players took back before close; their reservations are voided.</summary>
public sealed record BetsCancelled(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, IReadOnlyList<long> BetNos)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>"No more bets": by the timer ("timer") or a dealer.</summary>
public sealed record BettingClosed(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>The first card is out, or the ball is spinning.</summary>
public sealed record DealingStarted(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

public sealed record CardDealt(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, DealtCard Card, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>A shift manager replaced a mis-scanned card before the result was confirmed.</summary>
public sealed record CardRescanned(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, int Position, string OldCard, string NewCard, string By, string Reason)
    : TableEvent(RoundNo, ServerAt, StudioAt);

public sealed record ResultConfirmed(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, RoundResult Result, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>Payouts from the games library under <paramref name="Paytable"/>; every bet's wallet settlement is now owed.</summary>
public sealed record RoundSettled(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, PaytableRef Paytable, IReadOnlyList<BetPayout> Payouts, long TotalStake, long TotalReturned)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>Every accepted bet is refunded (its reservation voided).</summary>
public sealed record RoundVoided(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string Reason, string By)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>A settled round moved to a corrected result; <paramref name="Adjustments"/> are the transfers owed (new minus old returns).</summary>
public sealed record RoundResettled(
    long RoundNo,
    DateTimeOffset ServerAt,
    DateTimeOffset StudioAt,
    int CorrectionNo,
    RoundResult Result,
    IReadOnlyList<BetPayout> Payouts,
    IReadOnlyList<Adjustment> Adjustments,
    string By,
    string Reason)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>
/// Closes a record: every recorded event since the previous seal, hashed (SHA-256) and chained to
/// the previous seal's hash. <paramref name="FirstSequenceNr"/>..<paramref name="LastSequenceNr"/>
/// is the journal range the record spans.
/// </summary>
public sealed record RoundSealed(
    long RoundNo,
    DateTimeOffset ServerAt,
    DateTimeOffset StudioAt,
    RecordKind Kind,
    string PreviousHash,
    string Hash,
    long FirstSequenceNr,
    long LastSequenceNr,
    int Events)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>
/// Delivery bookkeeping, not part of the round record: wallets acknowledged these operations
/// (settle, void or adjust), so the outbox forgets them.
/// </summary>
public sealed record WalletOperationsConfirmed(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, IReadOnlyList<string> OperationIds)
    : TableEvent(RoundNo, ServerAt, StudioAt);

/// <summary>
/// Delivery bookkeeping: a settlement found its reservation expired, so it is delivered as a void
/// of the reservation plus an adjustment of the net result (same money, other route).
/// </summary>
public sealed record SettlementRerouted(long RoundNo, DateTimeOffset ServerAt, DateTimeOffset StudioAt, string OperationId)
    : TableEvent(RoundNo, ServerAt, StudioAt);
