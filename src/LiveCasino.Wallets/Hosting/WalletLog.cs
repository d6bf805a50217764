using Akka.Event;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>The wallets' log lines, in one place (Akka's logging: the host routes it to its log sinks).</summary>
internal static class WalletLog
{
    public static void Refused(ILoggingAdapter log, string playerId, string operationId, WalletRejection reason, string detail)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Wallet {0} refused {1}: {2} ({3})", playerId, operationId, reason, detail);
        }
    }

    public static void Expired(ILoggingAdapter log, string playerId, int count) =>
        log.Info("Wallet {0} released {1} expired reservations", playerId, count);

    public static void Recovered(ILoggingAdapter log, string playerId, long sequenceNr, int open)
    {
        if (log.IsDebugEnabled)
        {
            log.Debug("Wallet {0} recovered at sequence {1} with {2} open transfers", playerId, sequenceNr, open);
        }
    }
}
