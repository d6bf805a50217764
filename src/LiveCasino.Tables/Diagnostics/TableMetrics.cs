using System.Diagnostics.Metrics;
using LiveCasino.Tables.Configuration;
using LiveCasino.Tables.Protocol;

namespace LiveCasino.Tables.Diagnostics;

/// <summary>
/// Meter "LiveCasino.Tables": rounds settled, voided and re-settled per table, and settlement
/// latency (result in hand to settlement written) per game. A node uses <see cref="Shared"/>; a
/// test passes its own instance to <see cref="Hosting.Tables.Start"/> so it sees only its tables.
/// </summary>
public sealed class TableMetrics : IDisposable
{
    public const string MeterName = "LiveCasino.Tables";

    private readonly Counter<long> _settled;
    private readonly Counter<long> _voided;
    private readonly Counter<long> _resettled;
    private readonly Histogram<double> _settlementMs;

    public TableMetrics(IMeterFactory? meters = null)
    {
        Meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _settled = Meter.CreateCounter<long>("livecasino.rounds.settled", description: "Rounds settled (result confirmed and payouts written), by table and game.");
        _voided = Meter.CreateCounter<long>("livecasino.rounds.voided", description: "Rounds voided (every bet refunded), by table, game and the phase the round was in.");
        _resettled = Meter.CreateCounter<long>("livecasino.rounds.resettled", description: "Settled rounds corrected to another result (adjustments), by table and game.");
        _settlementMs = Meter.CreateHistogram<double>(
            "livecasino.rounds.settlement", unit: "ms", description: "From the table having a round's result to its settlement (payouts) being written to the journal, by game.");
    }

    /// <summary>The instance every table of the process uses unless given another one.</summary>
    public static TableMetrics Shared { get; } = new();

    internal Meter Meter { get; }

    /// <summary>The label value of a game: the name clients see.</summary>
    public static string GameName(GameKind game) => game switch
    {
        GameKind.Roulette => "roulette",
        GameKind.Baccarat => "baccarat",
        GameKind.DragonTiger => "dragonTiger",
        _ => "other",
    };

    internal void RoundSettled(string tableId, GameKind game, TimeSpan latency)
    {
        var name = GameName(game);
        _settled.Add(1, new KeyValuePair<string, object?>("table", tableId), new KeyValuePair<string, object?>("game", name));
        _settlementMs.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("game", name));
    }

    /// <summary>The phase, not the dealer's free-text reason, is the label: a label must have few values.</summary>
    internal void RoundVoided(string tableId, GameKind game, RoundPhase phase) =>
        _voided.Add(1, new KeyValuePair<string, object?>("table", tableId), new KeyValuePair<string, object?>("game", GameName(game)), new KeyValuePair<string, object?>("phase", PhaseName(phase)));

    internal void RoundResettled(string tableId, GameKind game) =>
        _resettled.Add(1, new KeyValuePair<string, object?>("table", tableId), new KeyValuePair<string, object?>("game", GameName(game)));

    public void Dispose() => Meter.Dispose();

    private static string PhaseName(RoundPhase phase) => phase switch
    {
        RoundPhase.BettingOpen => "bettingOpen",
        RoundPhase.BettingClosed => "bettingClosed",
        RoundPhase.Dealing => "dealing",
        RoundPhase.ResultConfirmed => "resultConfirmed",
        _ => "other",
    };
}
