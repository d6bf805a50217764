namespace LiveCasino.Wallets.Protocol;

/// <summary>
/// Everything a wallet actor accepts. Every money-moving command carries <see cref="OperationId"/>,
/// made by the caller and unique per wallet: the same id with the same content answers exactly as
/// the first time; the same id with different content is <see cref="WalletRejection.Conflict"/>.
/// Every command is answered to its sender with one <see cref="WalletReply"/>: rejections are
/// results, never exceptions. Commands reach a wallet through the wallet region
/// (<c>WalletDirectory</c>); a caller that gets no answer sends the same command again.
/// </summary>
public abstract record WalletCommand(string OperationId) : IWalletMessage;

/// <summary>Opens the wallet in one currency. Idempotent; every other money command needs it first.</summary>
public sealed record OpenWallet(string OperationId, string Currency)
    : WalletCommand(OperationId);

/// <summary>A deposit the payment provider has been asked for: pending credit, not yet available.</summary>
public sealed record BeginDeposit(string OperationId, Money Amount, string Channel)
    : WalletCommand(OperationId);

/// <summary>The provider confirmed deposit <paramref name="DepositId"/>: the credit is posted.</summary>
public sealed record ConfirmDeposit(string OperationId, string DepositId, string ProviderReference)
    : WalletCommand(OperationId);

/// <summary>The provider failed deposit <paramref name="DepositId"/>: the pending credit is voided.</summary>
public sealed record FailDeposit(string OperationId, string DepositId, string Reason)
    : WalletCommand(OperationId);

/// <summary>A withdrawal request: the amount is reserved (pending debit) until paid out or refused.</summary>
public sealed record RequestWithdrawal(string OperationId, Money Amount, string Channel)
    : WalletCommand(OperationId);

/// <summary>The provider paid withdrawal <paramref name="WithdrawalId"/> out: the debit is posted.</summary>
public sealed record ConfirmWithdrawal(string OperationId, string WithdrawalId, string ProviderReference)
    : WalletCommand(OperationId);

/// <summary>The provider refused withdrawal <paramref name="WithdrawalId"/>: the reservation is released.</summary>
public sealed record RefuseWithdrawal(string OperationId, string WithdrawalId, string Reason)
    : WalletCommand(OperationId);

/// <summary>
/// Reserves a stake (pending debit) for a bet, until <paramref name="ExpiresAt"/>; after that it can
/// only be voided. <paramref name="Reference"/> names the bet for the history (e.g. "table-1/round-7/bet-3").
/// </summary>
public sealed record ReserveBet(string OperationId, Money Stake, DateTimeOffset ExpiresAt, string Reference)
    : WalletCommand(OperationId);

/// <summary>
/// Settles reservation <paramref name="ReservationId"/>: posts the stake to the house and credits
/// <paramref name="Payout"/> (stake included when won; zero when lost) from the house.
/// </summary>
public sealed record SettleBet(string OperationId, string ReservationId, Money Payout)
    : WalletCommand(OperationId);

/// <summary>
/// Releases reservation <paramref name="ReservationId"/>. For an id never seen it leaves a tombstone,
/// so a late <see cref="ReserveBet"/> with that id is refused.
/// </summary>
public sealed record VoidBet(string OperationId, string ReservationId, string Reason)
    : WalletCommand(OperationId);

/// <summary>An operator's signed correction (re-settlement, goodwill), with who and why.</summary>
public sealed record AdjustBalance(string OperationId, Money SignedAmount, string Reason, string Actor)
    : WalletCommand(OperationId);

/// <summary>Responsible gaming: per-day deposit and loss limits (null = none), set by the player or operator.</summary>
public sealed record SetLimits(string OperationId, long? DailyDepositLimitMinor, long? DailyLossLimitMinor)
    : WalletCommand(OperationId);

/// <summary>Self-exclusion until <paramref name="Until"/>: blocks new bets and deposits, never withdrawals.</summary>
public sealed record SelfExclude(string OperationId, DateTimeOffset Until)
    : WalletCommand(OperationId);

/// <summary>Reads the balance; moves nothing (its OperationId is only a correlation id).</summary>
public sealed record GetBalance(string OperationId)
    : WalletCommand(OperationId);
