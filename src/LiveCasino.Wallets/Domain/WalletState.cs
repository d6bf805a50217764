using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Ledger;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Domain;

/// <summary>
/// One wallet's whole state and rules, pure (time is passed in, nothing is stored here):
/// <see cref="Decide"/> turns a command into an answer or an event; <see cref="Apply"/> folds an
/// event into the state, live and on replay, and asserts the ledger invariants after each one.
/// The actor around it persists events and replies; tests drive it directly too.
/// </summary>
public sealed partial class WalletState
{
    private readonly WalletBounds _bounds;
    private readonly OperationFingerprint _fingerprint = new();
    private readonly IdempotencyTable _ops = new();
    private readonly Tombstones _tombstones = new();
    private readonly ResponsibleGaming _rg = new();
    private readonly Posting[] _postings = new Posting[WalletPostings.Max];

    public WalletState(WalletBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        bounds.Validate();
        _bounds = bounds;
    }

    public WalletLedger Ledger { get; } = new();

    /// <summary>The wallet's one currency; null until opened.</summary>
    public string? Currency { get; private set; }

    public IdempotencyTable Operations => _ops;

    public Tombstones Tombstones => _tombstones;

    public ResponsibleGaming ResponsibleGaming => _rg;

    /// <summary>Sum of the stakes of open bet reservations.</summary>
    public long PendingStakes { get; private set; }

    public WalletBalance Balance => Ledger.PlayerBalance(Currency ?? string.Empty);

    /// <summary>Folds one event in; returns the record of the operation it answers (null for expiries).</summary>
    public OperationRecord? Apply(WalletEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var n = WalletPostings.Of(e, _postings);
        for (var i = 0; i < n; i++)
        {
            Ledger.Apply(_postings[i]);
        }

        var record = e switch
        {
            WalletOpened o => Opened(o),
            DepositBegun d => BeginTransfer(d.OperationId, OperationKind.Deposit, d.Fingerprint, d.AmountMinor, d.At, () => _rg.RecordDeposit(d.At, d.AmountMinor)),
            DepositConfirmed d => Resolve(d.DepositId, OperationKind.Deposit, TransferStatus.Posted, d.At, Done(d.OperationId, OperationKind.ConfirmDeposit, d.Fingerprint, d.At)),
            DepositFailed d => Resolve(d.DepositId, OperationKind.Deposit, TransferStatus.Voided, d.At, Done(d.OperationId, OperationKind.FailDeposit, d.Fingerprint, d.At)),
            WithdrawalRequested w => BeginTransfer(w.OperationId, OperationKind.Withdrawal, w.Fingerprint, w.AmountMinor, w.At, null),
            WithdrawalConfirmed w => Resolve(w.WithdrawalId, OperationKind.Withdrawal, TransferStatus.Posted, w.At, Done(w.OperationId, OperationKind.ConfirmWithdrawal, w.Fingerprint, w.At)),
            WithdrawalRefused w => Resolve(w.WithdrawalId, OperationKind.Withdrawal, TransferStatus.Voided, w.At, Done(w.OperationId, OperationKind.RefuseWithdrawal, w.Fingerprint, w.At)),
            BetReserved b => Reserved(b),
            BetSettled s => Resolve(s.ReservationId, OperationKind.ReserveBet, TransferStatus.Posted, s.At, Done(s.OperationId, OperationKind.SettleBet, s.Fingerprint, s.At)),
            BetVoided v => Resolve(v.ReservationId, OperationKind.ReserveBet, TransferStatus.Voided, v.At, Done(v.OperationId, OperationKind.VoidBet, v.Fingerprint, v.At)),
            BetReservationExpired x => Resolve(x.ReservationId, OperationKind.ReserveBet, TransferStatus.Expired, x.At, null),
            VoidRecorded v => Done(v.OperationId, OperationKind.VoidBet, v.Fingerprint, v.At),
            ReservationTombstoned t => Tombstoned(t),
            BalanceAdjusted a => Done(a.OperationId, OperationKind.Adjust, a.Fingerprint, a.At),
            LimitsSet l => LimitsChanged(l),
            SelfExclusionSet s => Excluded(s),
            OperationRejected r => Add(new OperationRecord(r.OperationId, r.Kind, r.Fingerprint, r.At, new WalletReplyRecord(false, r.Reason, r.Detail, Balance), TransferStatus.None, 0)),
            _ => throw new LedgerInvariantException($"Unknown wallet event {e.GetType().Name}."),
        };

        if (e is BetSettled settled)
        {
            _rg.RecordSettlement(settled.At, settled.StakeMinor, settled.PayoutMinor);
        }

        if (e is BetSettled or BetVoided or BetReservationExpired)
        {
            PendingStakes -= e switch { BetSettled s => s.StakeMinor, BetVoided v => v.StakeMinor, _ => ((BetReservationExpired)e).StakeMinor };
        }

        Ledger.CheckInvariants();
        if (PendingStakes < 0)
        {
            throw new LedgerInvariantException($"Pending stakes went negative ({PendingStakes}).");
        }

        _ops.Evict(e.At, _bounds.IdempotencyWindow, _bounds.OperationRecordsMax);
        _tombstones.Evict(e.At, _bounds.IdempotencyWindow, _bounds.TombstonesMax);
        return record;
    }

    private OperationRecord Opened(WalletOpened o)
    {
        if (Currency is not null)
        {
            throw new LedgerInvariantException($"Wallet opened twice ({Currency}, then {o.Currency}).");
        }

        Currency = o.Currency;
        return Done(o.OperationId, OperationKind.Open, o.Fingerprint, o.At);
    }

    private OperationRecord BeginTransfer(string id, OperationKind kind, long fingerprint, long amount, DateTimeOffset at, Action? also)
    {
        also?.Invoke();
        return Add(new OperationRecord(id, kind, fingerprint, at, Accepted(), TransferStatus.Pending, amount));
    }

    private OperationRecord Reserved(BetReserved b)
    {
        Ledger.SetExpiry(b.OperationId, b.ExpiresAt);
        PendingStakes = checked(PendingStakes + b.StakeMinor);
        return BeginTransfer(b.OperationId, OperationKind.ReserveBet, b.Fingerprint, b.StakeMinor, b.At, null);
    }

    private OperationRecord? Resolve(string transferId, OperationKind kind, TransferStatus status, DateTimeOffset at, OperationRecord? answer)
    {
        if (!_ops.TryGet(transferId, out var transfer) || transfer.Kind != kind)
        {
            throw new LedgerInvariantException($"No {kind} {transferId} to resolve as {status}.");
        }

        _ops.Resolve(transfer, status, at);
        if (kind == OperationKind.Deposit && status == TransferStatus.Voided)
        {
            _rg.ReleaseDeposit(transfer.At, transfer.AmountMinor);
        }

        return answer;
    }

    private OperationRecord Tombstoned(ReservationTombstoned t)
    {
        _tombstones.Add(t.ReservationId, t.At);
        return Done(t.OperationId, OperationKind.VoidBet, t.Fingerprint, t.At);
    }

    private OperationRecord LimitsChanged(LimitsSet l)
    {
        _rg.SetLimits(l.DailyDepositLimitMinor, l.DailyLossLimitMinor);
        return Done(l.OperationId, OperationKind.SetLimits, l.Fingerprint, l.At);
    }

    private OperationRecord Excluded(SelfExclusionSet s)
    {
        _rg.Exclude(s.Until);
        return Done(s.OperationId, OperationKind.SelfExclude, s.Fingerprint, s.At);
    }

    /// <summary>Records an accepted operation that leaves no open transfer.</summary>
    private OperationRecord Done(string id, OperationKind kind, long fingerprint, DateTimeOffset at) =>
        Add(new OperationRecord(id, kind, fingerprint, at, Accepted(), TransferStatus.None, 0));

    private WalletReplyRecord Accepted() => new(true, default, string.Empty, Balance);

    private OperationRecord Add(OperationRecord record)
    {
        if (_ops.TryGet(record.Id, out var existing))
        {
            throw new LedgerInvariantException($"Operation {record.Id} has an effect already ({existing.Kind}): one effect per id.");
        }

        _ops.Add(record);
        return record;
    }
}
