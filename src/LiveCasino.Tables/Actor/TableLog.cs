using Microsoft.Extensions.Logging;

namespace LiveCasino.Tables.Actor;

/// <summary>Source-generated log messages of table actors.</summary>
internal static partial class TableLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Table {TableId} recovered: round {RoundNo} {Phase}, {Outbox} wallet operations owed")]
    public static partial void Recovered(ILogger logger, string tableId, long roundNo, Protocol.RoundPhase phase, int outbox);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Table {TableId} refused {Command} from {By}: {Reason} ({Detail})")]
    public static partial void CommandRefused(ILogger logger, string tableId, string command, string by, Protocol.TableRejection reason, string detail);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Table {TableId} record chain broken: {Detail}")]
    public static partial void ChainBroken(ILogger logger, string tableId, string detail);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Table {TableId}: wallet refused {OperationId} ({Reason}: {Detail}); left owed for an operator")]
    public static partial void DeliveryRefused(ILogger logger, string tableId, string operationId, Wallets.Protocol.WalletRejection reason, string detail);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Table {TableId}: settlement {OperationId} found its reservation expired; rerouted as void + adjustment")]
    public static partial void SettlementRerouted(ILogger logger, string tableId, string operationId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Table {TableId} round {RoundId} {What} by {By}")]
    public static partial void RoundEvent(ILogger logger, string tableId, RoundId roundId, string what, string by);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Table {TableId} round {RoundId} settled: {Bets} bets, stake {Stake}, returned {Returned}, written {LatencyMs} ms after the result")]
    public static partial void RoundSettled(ILogger logger, string tableId, RoundId roundId, int bets, long stake, long returned, double latencyMs);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Debug, Message = "Table {TableId} round {RoundId} bet {BetId} (no {BetNo}) of {PlayerId} accepted: stake {Stake}")]
    public static partial void BetAccepted(ILogger logger, string tableId, RoundId roundId, string betId, long betNo, string playerId, long stake);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Debug, Message = "Table {TableId} round {RoundId} bet {BetId} refused: {Reason} {Detail}")]
    public static partial void BetRejected(ILogger logger, string tableId, RoundId roundId, string betId, Protocol.BetRejection reason, string? detail);

    /// <summary>
    /// The round id <c>table:round</c> as a log argument: a struct formatted only when the message is
    /// written, so a disabled log level costs no string (per-bet logs run thousands of times a second).
    /// </summary>
    public readonly struct RoundId(string tableId, long roundNo)
    {
        public override string ToString() => Protocol.RoundIds.Of(tableId, roundNo);
    }
}
