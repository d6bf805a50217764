namespace LiveCasino.Server.Bench;

/// <summary>
/// A synthetic table state event (hub target <c>benchTick</c>). <paramref name="At"/> is the time the
/// event was scheduled to leave (Unix milliseconds, fractional), so a client measures latency from
/// the schedule, not from when the emitter got round to it (no coordinated omission).
/// <paramref name="Phase"/> is 0 during warm-up, 1 while measured.
/// </summary>
public sealed record BenchTick(string Table, long Seq, double At, int Phase, string Pad);

/// <summary>What <c>POST /bench/emit</c> asks: tables emit <c>Warmup + Ticks</c> events each at <c>RateHz</c>.</summary>
public sealed record BenchEmitRequest(int Tables, double RateHz, int Warmup, int Ticks, int Pad);

/// <summary>The emitter's progress: events emitted per table, frames offered, and how late the emitter ran at worst.</summary>
public sealed record BenchEmitStatus(bool Running, long Emitted, long Offered, double LateMaxMs, double StartAt);

/// <summary>What <c>POST /bench/players</c> asks: <c>Count</c> players named <c>{Prefix}{i}</c>, each funded with <c>FundMinor</c>.</summary>
public sealed record BenchPlayersRequest(string Prefix, int Count, long FundMinor);

/// <summary>A provisioned player: its id and an access token for the hubs.</summary>
public sealed record BenchPlayer(string PlayerId, string Token);

/// <summary>What <c>POST /bench/tables</c> asks: <c>Count</c> tables of <c>Game</c> with a betting window of <c>WindowSeconds</c>.</summary>
public sealed record BenchTablesRequest(int Count, string Game, int WindowSeconds, int BetsPerPlayerPerRound);

/// <summary>The answer to opening a round.</summary>
public sealed record BenchRoundOpened(bool Ok, long RoundNo, string? Detail);
