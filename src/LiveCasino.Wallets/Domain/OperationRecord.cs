using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Domain;

/// <summary>
/// One row of the idempotency table: the operation id, the fingerprint of the command's content,
/// the reply it got (success or failure, with the balance then) and, for a two-phase transfer,
/// where that transfer stands. Mutable only through <see cref="IdempotencyTable"/>.
/// </summary>
public sealed class OperationRecord
{
    internal OperationRecord(string id, OperationKind kind, long fingerprint, DateTimeOffset at, WalletReplyRecord reply, TransferStatus status, long amountMinor)
    {
        Id = id;
        Kind = kind;
        Fingerprint = fingerprint;
        At = at;
        Reply = reply;
        Status = status;
        AmountMinor = amountMinor;
    }

    public string Id { get; }

    public OperationKind Kind { get; }

    public long Fingerprint { get; }

    /// <summary>When the operation was decided.</summary>
    public DateTimeOffset At { get; }

    public WalletReplyRecord Reply { get; }

    public TransferStatus Status { get; internal set; }

    /// <summary>The transfer's amount (deposit, withdrawal, stake); 0 when none.</summary>
    public long AmountMinor { get; }

    /// <summary>Order in which the record became forgettable; 0 while its transfer is open.</summary>
    public long EvictOrder { get; internal set; }

    public DateTimeOffset EvictableSince { get; internal set; }

    /// <summary>The reply for a retry of this operation: exactly the first one.</summary>
    public WalletReply ToReply() => Reply.Accepted
        ? new WalletAccepted(Id, Reply.Balance)
        : new WalletRejected(Id, Reply.Reason, Reply.Detail, Reply.Balance);
}

/// <summary>The stored content of a reply (without the reply-to address).</summary>
public sealed record WalletReplyRecord(bool Accepted, WalletRejection Reason, string Detail, WalletBalance Balance);
