using Akka.Event;
using LiveCasino.Tables.Protocol;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// The table's log lines, in one place (Akka's logging: the host routes it to its log sinks).
/// Per-bet lines are debug and checked first, so a busy round formats nothing when debug is off.
/// </summary>
internal static class TableLog
{
    public static void Recovered(ILoggingAdapter log, string tableId, long roundNo, RoundPhase phase, int outbox) =>
        log.Info("Table {0} recovered: round {1} {2}, {3} wallet operations owed", tableId, roundNo, phase, outbox);

    public static void CommandRefused(ILoggingAdapter log, string tableId, string command, string by, TableRejection reason, string detail) =>
        log.Warning("Table {0} refused {1} from {2}: {3} ({4})", tableId, command, by, reason, detail);

    public static void ChainBroken(ILoggingAdapter log, string tableId, string detail) =>
        log.Error("Table {0} record chain broken: {1}", tableId, detail);

    public static void DeliveryRefused(ILoggingAdapter log, string tableId, string operationId, WalletRejection reason, string detail) =>
        log.Error("Table {0}: wallet refused {1} ({2}: {3}); left owed for an operator", tableId, operationId, reason, detail);

    public static void SettlementRerouted(ILoggingAdapter log, string tableId, string operationId) =>
        log.Info("Table {0}: settlement {1} found its reservation expired; rerouted as void + adjustment", tableId, operationId);

    public static void RoundEvent(ILoggingAdapter log, string tableId, RoundId roundId, string what, string by) =>
        log.Info("Table {0} round {1} {2} by {3}", tableId, roundId, what, by);

    public static void RoundSettled(ILoggingAdapter log, string tableId, RoundId roundId, int bets, long stake, long returned, double latencyMs) =>
        log.Info("Table {0} round {1} settled: {2} bets, stake {3}, returned {4}, written {5:0.0} ms after the result", tableId, roundId, bets, stake, returned, latencyMs);

    public static void SnapshotFailed(ILoggingAdapter log, Exception cause, string tableId, long sequenceNr) =>
        log.Warning(cause, "Table {0}: snapshot at {1} failed; recovery replays more events", tableId, sequenceNr);

    public static void BetAccepted(ILoggingAdapter log, string tableId, RoundId roundId, string betId, long betNo, string playerId, long stake)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Table {0} round {1} bet {2} (no {3}) of {4} accepted: stake {5}", tableId, roundId, betId, betNo, playerId, stake);
        }
    }

    public static void BetRejected(ILoggingAdapter log, string tableId, RoundId roundId, string betId, BetRejection reason, string? detail)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Table {0} round {1} bet {2} refused: {3} {4}", tableId, roundId, betId, reason, detail ?? string.Empty);
        }
    }

    /// <summary>
    /// The round id <c>table:round</c> as a log argument: a struct formatted only when the message is
    /// written, so a disabled log level costs no string.
    /// </summary>
    public readonly struct RoundId(string tableId, long roundNo)
    {
        public override string ToString() => RoundIds.Of(tableId, roundNo);
    }
}
