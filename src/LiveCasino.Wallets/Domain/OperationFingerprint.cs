using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Domain;

/// <summary>
/// The fingerprint of a command's content: everything but its operation id and reply address,
/// hashed (SHA-256, first 64 bits) over length-prefixed fields so that no two different contents
/// share an encoding. Same id + same fingerprint = a retry; same id + another fingerprint = a
/// conflict. One instance per wallet actor (it reuses its buffer; not thread-safe).
/// </summary>
public sealed class OperationFingerprint
{
    private const int BufferKeepMax = 16 * 1024;
    private ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>The kind of operation a command is, or null for commands that are not operations (reads).</summary>
    public static OperationKind? KindOf(WalletCommand command) => command switch
    {
        OpenWallet => OperationKind.Open,
        BeginDeposit => OperationKind.Deposit,
        ConfirmDeposit => OperationKind.ConfirmDeposit,
        FailDeposit => OperationKind.FailDeposit,
        RequestWithdrawal => OperationKind.Withdrawal,
        ConfirmWithdrawal => OperationKind.ConfirmWithdrawal,
        RefuseWithdrawal => OperationKind.RefuseWithdrawal,
        ReserveBet => OperationKind.ReserveBet,
        SettleBet => OperationKind.SettleBet,
        VoidBet => OperationKind.VoidBet,
        AdjustBalance => OperationKind.Adjust,
        SetLimits => OperationKind.SetLimits,
        SelfExclude => OperationKind.SelfExclude,
        _ => null,
    };

    public long Of(WalletCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _buffer.ResetWrittenCount();
        Add((long)(KindOf(command) ?? throw new ArgumentException($"{command.GetType().Name} is not an operation.", nameof(command))));
        switch (command)
        {
            case OpenWallet c:
                Add(c.Currency);
                break;
            case BeginDeposit c:
                Add(c.Amount);
                Add(c.Channel);
                break;
            case ConfirmDeposit c:
                Add(c.DepositId);
                Add(c.ProviderReference);
                break;
            case FailDeposit c:
                Add(c.DepositId);
                Add(c.Reason);
                break;
            case RequestWithdrawal c:
                Add(c.Amount);
                Add(c.Channel);
                break;
            case ConfirmWithdrawal c:
                Add(c.WithdrawalId);
                Add(c.ProviderReference);
                break;
            case RefuseWithdrawal c:
                Add(c.WithdrawalId);
                Add(c.Reason);
                break;
            case ReserveBet c:
                Add(c.Stake);
                Add(c.ExpiresAt.UtcTicks);
                Add(c.Reference);
                break;
            case SettleBet c:
                Add(c.ReservationId);
                Add(c.Payout);
                break;
            case VoidBet c:
                Add(c.ReservationId);
                Add(c.Reason);
                break;
            case AdjustBalance c:
                Add(c.SignedAmount);
                Add(c.Reason);
                Add(c.Actor);
                break;
            case SetLimits c:
                Add(c.DailyDepositLimitMinor);
                Add(c.DailyLossLimitMinor);
                break;
            case SelfExclude c:
                Add(c.Until.UtcTicks);
                break;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_buffer.WrittenSpan, digest);
        if (_buffer.Capacity > BufferKeepMax)
        {
            _buffer = new ArrayBufferWriter<byte>(256); // an oversized command must not keep its memory
        }

        return BinaryPrimitives.ReadInt64LittleEndian(digest);
    }

    private void Add(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    private void Add(long? value)
    {
        Add(value.HasValue ? 1L : 0L);
        Add(value ?? 0);
    }

    private void Add(Money money)
    {
        Add(money.Minor);
        Add(money.Currency);
    }

    private void Add(string? text)
    {
        text ??= string.Empty;
        Add((long)text.Length);
        var n = Encoding.UTF8.GetBytes(text, _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        _buffer.Advance(n);
    }
}
