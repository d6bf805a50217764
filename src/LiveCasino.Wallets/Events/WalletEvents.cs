using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Events;

/// <summary>
/// What happened to a wallet, persisted in its journal under stable manifests ("wallet.&lt;name&gt;.v1",
/// see <see cref="WalletSerialization"/>). Extend-only: add fields with defaults, never rename.
/// Every event carries the moment it was decided (<paramref name="At"/>, from the actor's clock),
/// so replay computes the same daily counters and retention as the live run. Amounts are minor
/// units of the wallet's currency. Events that answer an operation carry its id and the
/// fingerprint of the command's content, so a retry can be told from a conflict after a restart.
/// </summary>
public abstract record WalletEvent(DateTimeOffset At);

/// <summary>The wallet was opened in <paramref name="Currency"/>.</summary>
public sealed record WalletOpened(string OperationId, long Fingerprint, string Currency, DateTimeOffset At) : WalletEvent(At);

/// <summary>A deposit was asked of the provider: pending transfer clearing -> player, id = <paramref name="OperationId"/>.</summary>
public sealed record DepositBegun(string OperationId, long Fingerprint, long AmountMinor, string Channel, DateTimeOffset At) : WalletEvent(At);

/// <summary>The provider confirmed deposit <paramref name="DepositId"/>: its pending transfer is posted.</summary>
public sealed record DepositConfirmed(string OperationId, long Fingerprint, string DepositId, long AmountMinor, string ProviderReference, DateTimeOffset At) : WalletEvent(At);

/// <summary>The provider failed deposit <paramref name="DepositId"/>: its pending transfer is voided.</summary>
public sealed record DepositFailed(string OperationId, long Fingerprint, string DepositId, long AmountMinor, string Reason, DateTimeOffset At) : WalletEvent(At);

/// <summary>A withdrawal was requested: pending transfer player -> clearing, id = <paramref name="OperationId"/>.</summary>
public sealed record WithdrawalRequested(string OperationId, long Fingerprint, long AmountMinor, string Channel, DateTimeOffset At) : WalletEvent(At);

/// <summary>Withdrawal <paramref name="WithdrawalId"/> was paid out: its pending transfer is posted.</summary>
public sealed record WithdrawalConfirmed(string OperationId, long Fingerprint, string WithdrawalId, long AmountMinor, string ProviderReference, DateTimeOffset At) : WalletEvent(At);

/// <summary>Withdrawal <paramref name="WithdrawalId"/> was refused: its pending transfer is voided.</summary>
public sealed record WithdrawalRefused(string OperationId, long Fingerprint, string WithdrawalId, long AmountMinor, string Reason, DateTimeOffset At) : WalletEvent(At);

/// <summary>A stake was reserved: pending transfer player -> house until <paramref name="ExpiresAt"/>, id = <paramref name="OperationId"/>.</summary>
public sealed record BetReserved(string OperationId, long Fingerprint, long StakeMinor, DateTimeOffset ExpiresAt, string Reference, DateTimeOffset At) : WalletEvent(At);

/// <summary>
/// Reservation <paramref name="ReservationId"/> was settled: its stake posted to the house, and
/// <paramref name="PayoutMinor"/> (stake included when won) paid house -> player as transfer <paramref name="OperationId"/>.
/// </summary>
public sealed record BetSettled(string OperationId, long Fingerprint, string ReservationId, long StakeMinor, long PayoutMinor, DateTimeOffset At) : WalletEvent(At);

/// <summary>Reservation <paramref name="ReservationId"/> was voided by the caller: its stake is released.</summary>
public sealed record BetVoided(string OperationId, long Fingerprint, string ReservationId, long StakeMinor, string Reason, DateTimeOffset At) : WalletEvent(At);

/// <summary>A void for a reservation already released (voided, expired or refused): accepted, nothing moves.</summary>
public sealed record VoidRecorded(string OperationId, long Fingerprint, string ReservationId, string Reason, DateTimeOffset At) : WalletEvent(At);

/// <summary>A void for a reservation never seen: <paramref name="ReservationId"/> is tombstoned, so a late reservation with it is refused.</summary>
public sealed record ReservationTombstoned(string OperationId, long Fingerprint, string ReservationId, string Reason, DateTimeOffset At) : WalletEvent(At);

/// <summary>Reservation <paramref name="ReservationId"/> reached its expiry unsettled: its stake is released; it can no longer be posted.</summary>
public sealed record BetReservationExpired(string ReservationId, long StakeMinor, DateTimeOffset At) : WalletEvent(At);

/// <summary>An operator's correction: positive credits the player from adjustments, negative debits the player to adjustments.</summary>
public sealed record BalanceAdjusted(string OperationId, long Fingerprint, long SignedAmountMinor, string Reason, string Actor, DateTimeOffset At) : WalletEvent(At);

/// <summary>Responsible gaming: daily deposit and loss limits (null = none), effective at once.</summary>
public sealed record LimitsSet(string OperationId, long Fingerprint, long? DailyDepositLimitMinor, long? DailyLossLimitMinor, DateTimeOffset At) : WalletEvent(At);

/// <summary>Responsible gaming: self-excluded until <paramref name="Until"/> (never shortened by a later, earlier date).</summary>
public sealed record SelfExclusionSet(string OperationId, long Fingerprint, DateTimeOffset Until, DateTimeOffset At) : WalletEvent(At);

/// <summary>
/// Operation <paramref name="OperationId"/> was refused. Persisted so that the failure stays
/// attached to its id: a retry gets the same rejection, even after a restart.
/// </summary>
public sealed record OperationRejected(string OperationId, long Fingerprint, OperationKind Kind, WalletRejection Reason, string Detail, DateTimeOffset At) : WalletEvent(At);
