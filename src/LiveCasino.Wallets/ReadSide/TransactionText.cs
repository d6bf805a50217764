using LiveCasino.Wallets.Events;

namespace LiveCasino.Wallets.ReadSide;

/// <summary>The kind name and the ids of a money event, for history lines.</summary>
internal static class TransactionText
{
    public static string KindOf(WalletEvent e) => e switch
    {
        DepositBegun => "deposit-begun",
        DepositConfirmed => "deposit-confirmed",
        DepositFailed => "deposit-failed",
        WithdrawalRequested => "withdrawal-requested",
        WithdrawalConfirmed => "withdrawal-confirmed",
        WithdrawalRefused => "withdrawal-refused",
        BetReserved => "bet-reserved",
        BetSettled => "bet-settled",
        BetVoided => "bet-voided",
        BetReservationExpired => "bet-reservation-expired",
        BalanceAdjusted => "balance-adjusted",
        _ => e.GetType().Name,
    };

    public static (string? OperationId, string? TransferId, string? Detail) Describe(WalletEvent e) => e switch
    {
        DepositBegun d => (d.OperationId, d.OperationId, d.Channel),
        DepositConfirmed d => (d.OperationId, d.DepositId, d.ProviderReference),
        DepositFailed d => (d.OperationId, d.DepositId, d.Reason),
        WithdrawalRequested w => (w.OperationId, w.OperationId, w.Channel),
        WithdrawalConfirmed w => (w.OperationId, w.WithdrawalId, w.ProviderReference),
        WithdrawalRefused w => (w.OperationId, w.WithdrawalId, w.Reason),
        BetReserved b => (b.OperationId, b.OperationId, b.Reference),
        BetSettled s => (s.OperationId, s.ReservationId, null),
        BetVoided v => (v.OperationId, v.ReservationId, v.Reason),
        BetReservationExpired x => (null, x.ReservationId, null),
        BalanceAdjusted a => (a.OperationId, a.OperationId, a.Reason + " (" + a.Actor + ")"),
        _ => (null, null, null),
    };
}
