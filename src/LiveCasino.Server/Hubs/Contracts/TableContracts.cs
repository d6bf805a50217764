namespace LiveCasino.Server.Hubs.Contracts;

// The hubs' views of a table (docs/protocol.md, "Common shapes"). JSON camelCase; enum values are
// camelCase strings; null fields are left out.

/// <summary>A card: position in dealing order and the hand it went to (absent for burned or flagged cards).</summary>
public sealed record CardView(int? Position, string Card, string? Hand);

/// <summary>A confirmed result, the same shape for every game.</summary>
public sealed record ResultView(
    string Game,
    string Winner,
    int? Number,
    int? Revolutions,
    IReadOnlyList<CardView>? Cards,
    int? PlayerTotal,
    int? BankerTotal,
    bool PlayerPair,
    bool BankerPair,
    bool SuitedTie);

public sealed record SpotRangeView(long Min, long Max);

/// <summary>Bet limits of a table in minor units.</summary>
public sealed record LimitsView(
    long SpotMin, long SpotMax, IReadOnlyDictionary<string, SpotRangeView>? ByKind, long PlayerRoundMax, int BetsPerPlayerPerRoundMax, int LinesPerBetMax);

/// <summary>Video feeds by protocol and their typical delay behind live.</summary>
public sealed record StreamView(IReadOnlyDictionary<string, string> Urls, IReadOnlyDictionary<string, int> DelayMs);

/// <summary>The current (or last) round of a table.</summary>
public sealed record RoundView(
    long RoundNo,
    string RoundId,
    string Phase,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosesAt,
    long TimeLeftMs,
    IReadOnlyList<CardView> Cards,
    ResultView? Result,
    int Bets,
    long Stake);

public sealed record ShoeView(int ShoeNo, bool NeedsChange);

public sealed record BetLineView(string Spot, long Amount);

/// <summary>One of my bets.</summary>
public sealed record MyBetView(string BetId, long BetNo, IReadOnlyList<BetLineView> Lines, long Stake, string Status, string? Reason, long? Returned);

/// <summary>A wallet balance: available is what can be bet now.</summary>
public sealed record BalanceView(string Currency, long Available, long Posted, long PendingDebits, long PendingCredits, string? Reason = null);

public sealed record NumberCountView(int Number, int Hits, double ZScore);

public sealed record WheelBiasView(int Spins, double Statistic, int DegreesOfFreedom, double PValue);

public sealed record BeadView(int Column, int Row, string Winner, int PlayerTotal, int BankerTotal, bool PlayerPair, bool BankerPair);

public sealed record BigRoadCellView(int Column, int Row, int Streak, string Winner, int Ties, bool PlayerPair, bool BankerPair, bool DragonTail);

public sealed record BigRoadView(int Rows, int LeadingTies, IReadOnlyList<BigRoadCellView> Cells);

/// <summary>Live statistics of a table.</summary>
public sealed record StatsView(
    IReadOnlyList<ResultView> LastResults,
    IReadOnlyDictionary<string, int> WinnerCounts,
    IReadOnlyList<NumberCountView>? Hot,
    IReadOnlyList<NumberCountView>? Cold,
    WheelBiasView? WheelBias,
    IReadOnlyList<BeadView>? BeadPlate,
    BigRoadView? BigRoad,
    double RoundsPerHour,
    int Viewers);

/// <summary>The whole table at sequence number <paramref name="Seq"/>.</summary>
public sealed record TableSnapshotView(
    string TableId,
    long Seq,
    string? Game,
    string? StudioId,
    string? Currency,
    string? Paytable,
    long? BettingWindowMs,
    LimitsView? Limits,
    StreamView? Stream,
    RoundView? Round,
    ShoeView? Shoe,
    DateTimeOffset ServerTime,
    DateTimeOffset StudioTime,
    IReadOnlyList<MyBetView>? MyBets,
    BalanceView? Balance,
    StatsView Stats,
    int Viewers);

/// <summary>One table in the lobby.</summary>
public sealed record LobbyTableView(
    string TableId,
    string Game,
    string StudioId,
    string? Currency,
    string Phase,
    long RoundNo,
    string? RoundId,
    DateTimeOffset? ClosesAt,
    long TimeLeftMs,
    int Viewers,
    IReadOnlyList<ResultView> LastResults,
    LimitsView? Limits,
    StreamView? Stream);
