namespace LiveCasino.Wallets.Events;

/// <summary>Which command an operation id was first used for. Stored in events: never renumber.</summary>
public enum OperationKind
{
    Open = 0,
    Deposit = 1,
    ConfirmDeposit = 2,
    FailDeposit = 3,
    Withdrawal = 4,
    ConfirmWithdrawal = 5,
    RefuseWithdrawal = 6,
    ReserveBet = 7,
    SettleBet = 8,
    VoidBet = 9,
    Adjust = 10,
    SetLimits = 11,
    SelfExclude = 12,
}
