using Microsoft.Extensions.Logging;

namespace LiveCasino.Wallets.Hosting;

/// <summary>Source-generated log messages of the wallets.</summary>
internal static partial class WalletLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Wallet {PlayerId} refused {OperationId}: {Reason} ({Detail})")]
    public static partial void Refused(ILogger logger, string playerId, string operationId, Protocol.WalletRejection reason, string detail);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Wallet {PlayerId} released {Count} expired reservations")]
    public static partial void Expired(ILogger logger, string playerId, int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Wallet {PlayerId} recovered at sequence {SequenceNr} with {Open} open transfers")]
    public static partial void Recovered(ILogger logger, string playerId, long sequenceNr, int open);
}
