using LiveCasino.Stores.Serialization;
using LiveCasino.Wallets.Events;

namespace LiveCasino.Wallets.Hosting;

/// <summary>
/// Registers the wallet's events and snapshot with an <see cref="EventSerializer"/> under stable
/// manifests. Call it on the serializer given to <c>PersistenceExtension.Install</c> (and to the
/// stores) before starting <see cref="WalletDirectory"/>. The manifests are the journal's contract:
/// never change one; a new shape gets a new ".v2" manifest.
/// </summary>
public static class WalletSerialization
{
    public static EventSerializer RegisterWalletTypes(this EventSerializer s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var c = WalletJsonContext.Default;
        return s
            .Register("wallet.opened.v1", c.WalletOpened)
            .Register("wallet.deposit-begun.v1", c.DepositBegun)
            .Register("wallet.deposit-confirmed.v1", c.DepositConfirmed)
            .Register("wallet.deposit-failed.v1", c.DepositFailed)
            .Register("wallet.withdrawal-requested.v1", c.WithdrawalRequested)
            .Register("wallet.withdrawal-confirmed.v1", c.WithdrawalConfirmed)
            .Register("wallet.withdrawal-refused.v1", c.WithdrawalRefused)
            .Register("wallet.bet-reserved.v1", c.BetReserved)
            .Register("wallet.bet-settled.v1", c.BetSettled)
            .Register("wallet.bet-voided.v1", c.BetVoided)
            .Register("wallet.void-recorded.v1", c.VoidRecorded)
            .Register("wallet.reservation-tombstoned.v1", c.ReservationTombstoned)
            .Register("wallet.bet-reservation-expired.v1", c.BetReservationExpired)
            .Register("wallet.balance-adjusted.v1", c.BalanceAdjusted)
            .Register("wallet.limits-set.v1", c.LimitsSet)
            .Register("wallet.self-exclusion-set.v1", c.SelfExclusionSet)
            .Register("wallet.operation-rejected.v1", c.OperationRejected)
            .Register("wallet.snapshot.v1", c.WalletSnapshot);
    }
}
