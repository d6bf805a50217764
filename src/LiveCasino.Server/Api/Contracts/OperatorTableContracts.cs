namespace LiveCasino.Server.Api.Contracts;

// The operator's table API. A table is what PUT /api/operator/tables/{tableId} configures; GET
// answers the same shape, so a client can read, change and put back.

/// <summary>A paytable by id and version (e.g. roulette-european v1); omitted: the game's usual one.</summary>
public sealed record PaytableBody(string Id, int Version);

/// <summary>Minimum and maximum stake of one player on one spot in one round, minor units.</summary>
public sealed record SpotRangeBody(long Min, long Max);

/// <summary>Bet limits in minor units of the table currency; an omitted field keeps the default.</summary>
public sealed record LimitsBody(
    long? SpotMin = null, long? SpotMax = null, IReadOnlyDictionary<string, SpotRangeBody>? SpotByKind = null, long? PlayerRoundMax = null, long? RoundMax = null,
    int? BetsPerPlayerPerRoundMax = null, int? BetsPerRoundMax = null, int? LinesPerBetMax = null, int? LinesPerPlayerPerRoundMax = null);

/// <summary>Video feeds by protocol ("webrtc", "ll-hls", "hls") and their typical delay behind live.</summary>
public sealed record StreamBody(IReadOnlyDictionary<string, string>? Urls = null, IReadOnlyDictionary<string, int>? DelayMs = null);

/// <summary>
/// PUT /api/operator/tables/{tableId}: what the table is. Game: roulette, baccarat, dragonTiger.
/// Currency: ISO 4217 (EUR). Betting window in milliseconds (1,000-300,000).
/// </summary>
public sealed record TableConfigBody(
    string StudioId, string Game, string Currency, int BettingWindowMs,
    PaytableBody? Paytable = null, LimitsBody? Limits = null, StreamBody? Stream = null, int? Decks = null, int? MinRevolutions = null);

/// <summary>A table as the operator sees it: listing, live phase and round, and its configuration (null until the table has applied one).</summary>
public sealed record OperatorTableItem(string TableId, string StudioId, string Game, string Phase, long RoundNo, TableConfigBody? Config);

/// <summary>
/// GET /api/operator/tables/{tableId}: the table entity's own answer (not the lobby's copy), so it
/// shows the table is running wherever its shard is: round and phase, this round's bets, wallet
/// operations it still owes or that failed for good, and whether its round chain is intact.
/// </summary>
public sealed record OperatorTableState(
    string TableId, string Phase, long RoundNo, long SequenceNr, DateTimeOffset? ClosesAt, DateTimeOffset ServerNow,
    int BetsThisRound, long StakeThisRound, int PendingWalletOperations, int FailedWalletOperations, bool ChainIntact);
