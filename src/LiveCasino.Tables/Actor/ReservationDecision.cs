using LiveCasino.Tables.Protocol;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Tables.Actor;

/// <summary>
/// What a wallet's answer to a reservation means for the bet. Accepted only if the wallet reserved
/// the stake AND the window is still open by server time now; a stake reserved too late is
/// released (voided), never accepted after "no more bets".
/// </summary>
internal static class ReservationDecision
{
    public static (BetRejection? Rejection, bool Release) Decide(RoundPhase phase, DateTimeOffset closesAt, DateTimeOffset now, WalletReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply is WalletRejected rejected)
        {
            // Nothing was reserved: nothing to release.
            return (rejected.Reason switch
            {
                WalletRejection.InsufficientFunds => BetRejection.InsufficientFunds,
                WalletRejection.SelfExcluded or WalletRejection.LimitExceeded => BetRejection.ResponsibleGaming,
                _ => BetRejection.WalletRefused,
            }, false);
        }

        if (phase == RoundPhase.BettingOpen && now < closesAt)
        {
            return (null, false);
        }

        return (phase == RoundPhase.Voided ? BetRejection.RoundVoided : BetRejection.ReservedAfterClose, true);
    }
}
