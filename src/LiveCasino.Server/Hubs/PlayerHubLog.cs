using LiveCasino.Server.Hubs.Contracts;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// Source-generated logs of the player hub: every bet's answer with its round id and bet id (the
/// keys of a dispute); Debug per bet, Warning when the table did not answer in time.
/// </summary>
internal static partial class PlayerHubLog
{
    public static void BetAnswered(ILogger logger, string? playerId, BetReply reply)
    {
        if (reply.Reason == "unavailable")
        {
            TableSilent(logger, reply.RoundId, reply.BetId, playerId ?? "?");
        }
        else
        {
            BetReplied(logger, reply.RoundId, reply.BetId, playerId ?? "?", reply.Outcome, reply.Reason ?? string.Empty);
        }
    }

    [LoggerMessage(EventId = 740, Level = LogLevel.Debug, Message = "PlaceBet round {RoundId} bet {BetId} of {PlayerId}: {Outcome} {Reason}")]
    private static partial void BetReplied(ILogger logger, string roundId, string betId, string playerId, string outcome, string reason);

    [LoggerMessage(EventId = 741, Level = LogLevel.Warning, Message = "PlaceBet round {RoundId} bet {BetId} of {PlayerId}: the table did not answer in time")]
    private static partial void TableSilent(ILogger logger, string roundId, string betId, string playerId);
}
