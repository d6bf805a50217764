namespace LiveCasino.Server.Hubs.Contracts;

// Dealer hub arguments (one object each) and answers. StudioTime is the console's clock (optional).

public sealed record BindRequest(string TableId);

public sealed record EmptyRequest(DateTimeOffset? StudioTime = null);

/// <summary>A card entered by hand; <paramref name="ActionId"/> (caller-made, at most 64 characters) makes a resend after a lost answer deal it once.</summary>
public sealed record ScanCardRequest(string Card, string? Hand = null, DateTimeOffset? StudioTime = null, string? ActionId = null);

/// <summary>A burned card entered by hand; <paramref name="ActionId"/> as for <see cref="ScanCardRequest"/>.</summary>
public sealed record BurnRequest(string Card, DateTimeOffset? StudioTime = null, string? ActionId = null);

public sealed record WheelResultRequest(int Number, int Revolutions, bool Fault = false, DateTimeOffset? StudioTime = null);

public sealed record VoidRoundRequest(string Reason, DateTimeOffset? StudioTime = null);

public sealed record RescanRequest(int Position, string Card, string Reason, DateTimeOffset? StudioTime = null);

public sealed record SensorRequest(string Line);

/// <summary>The table's verdict on a dealer action.</summary>
public sealed record DealerVerdict(
    bool Accepted, string? TableId, long RoundNo, string? RoundId, string? Phase, string? What, string? Reason, string? Detail, DateTimeOffset ServerTime);

/// <summary>The answer to <c>Sensor</c>: queued for the stream, or "busy".</summary>
public sealed record SensorQueued(bool Queued, string? Reason);

/// <summary>The table's verdict on a sensor reading (an event: the stream answers asynchronously).</summary>
public sealed record ReadingVerdictEvent(long Sequence, bool Accepted, string? What, long? RoundNo, string? Phase, string? Reason, string? Detail);

public sealed record ReadingRejectedEvent(string Input, string Reason);

public sealed record ReadingGapEvent(long First, long Last);

/// <summary>Counters of this connection's sensor stream.</summary>
public sealed record SensorStatsView(long Accepted, long Refused, long Malformed, long Retransmits, long Repeats, long Gaps);
