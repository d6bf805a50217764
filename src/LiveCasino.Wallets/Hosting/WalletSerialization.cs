using LiveCasino.Sharding;
using LiveCasino.Stores.Serialization;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Hosting;

/// <summary>
/// The wallet's events, snapshot and region messages under stable manifests. The event and snapshot
/// manifests are the journal's contract: never change one; a new shape gets a new ".v2" manifest.
/// The message manifests are the wire contract between nodes of one cluster.
/// </summary>
public static class WalletSerialization
{
    /// <summary>The engine's configuration for wallets: the region's messages, the events and the snapshot go through LiveCasino's serializer.</summary>
    public static string EngineHocon { get; } = SerializationHocon.For("wallets", typeof(WalletCatalog), typeof(IWalletMessage), typeof(WalletEvent), typeof(WalletSnapshot));

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
            .Register("wallet.snapshot.v1", c.WalletSnapshot)
            .Register("wallet.open.v1", c.OpenWallet)
            .Register("wallet.begin-deposit.v1", c.BeginDeposit)
            .Register("wallet.confirm-deposit.v1", c.ConfirmDeposit)
            .Register("wallet.fail-deposit.v1", c.FailDeposit)
            .Register("wallet.request-withdrawal.v1", c.RequestWithdrawal)
            .Register("wallet.confirm-withdrawal.v1", c.ConfirmWithdrawal)
            .Register("wallet.refuse-withdrawal.v1", c.RefuseWithdrawal)
            .Register("wallet.reserve-bet.v1", c.ReserveBet)
            .Register("wallet.settle-bet.v1", c.SettleBet)
            .Register("wallet.void-bet.v1", c.VoidBet)
            .Register("wallet.adjust-balance.v1", c.AdjustBalance)
            .Register("wallet.set-limits.v1", c.SetLimits)
            .Register("wallet.self-exclude.v1", c.SelfExclude)
            .Register("wallet.get-balance.v1", c.GetBalance)
            .Register("wallet.inspect.v1", c.InspectWallet)
            .Register("wallet.accepted.v1", c.WalletAccepted)
            .Register("wallet.rejected.v1", c.WalletRejected)
            .Register("wallet.inspected.v1", c.WalletInspected);
    }
}

/// <summary>The wallet types for Akka's LiveCasino serializer (named in <see cref="WalletSerialization.EngineHocon"/>).</summary>
public sealed class WalletCatalog : IManifestCatalog
{
    public void RegisterOn(EventSerializer serializer) => serializer.RegisterWalletTypes();
}
