using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Ledger;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Events;

/// <summary>
/// A wallet's whole state at a sequence number ("wallet.snapshot.v1"): ledger accounts, open
/// transfers, the idempotency table, tombstones and responsible-gaming state. Arrays are in a
/// canonical order (by id, tombstones by age), so equal states serialize to equal bytes.
/// </summary>
public sealed record WalletSnapshot(
    string? Currency,
    AccountTotals[] Accounts,
    PendingTransfer[] Pending,
    OperationRecordState[] Operations,
    long NextEvictOrder,
    TombstoneState[] Tombstones,
    long? DailyDepositLimitMinor,
    long? DailyLossLimitMinor,
    DateTimeOffset? SelfExcludedUntil,
    DateOnly? CounterDay,
    long DepositedToday,
    long LossToday);

/// <summary>One idempotency record: the operation, the fingerprint of its content, its reply, its transfer's status.</summary>
public sealed record OperationRecordState(
    string Id,
    OperationKind Kind,
    long Fingerprint,
    DateTimeOffset At,
    bool Accepted,
    WalletRejection Reason,
    string Detail,
    WalletBalance Balance,
    TransferStatus Status,
    long AmountMinor,
    long EvictOrder,
    DateTimeOffset EvictableSince);

/// <summary>A reservation id voided before it was ever seen.</summary>
public sealed record TombstoneState(string ReservationId, DateTimeOffset At);
