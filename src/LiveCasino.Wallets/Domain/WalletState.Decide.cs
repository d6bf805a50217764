using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Domain;

/// <summary>Deciding: validation, idempotency, limits and funds, in a fixed order (docs/wallet.md).</summary>
public sealed partial class WalletState
{
    /// <summary>
    /// Decides <paramref name="command"/> at <paramref name="now"/>. Never throws for bad input:
    /// every refusal is a <see cref="WalletRejected"/> (persisted as <see cref="OperationRejected"/>
    /// so that it stays attached to its id), except a conflict, which answers without touching the id.
    /// Call <see cref="DueExpiries"/> first so expired reservations are released before deciding.
    /// </summary>
    public WalletDecision Decide(WalletCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var id = command.OperationId;
        if (string.IsNullOrEmpty(id) || id.Length > _bounds.TextMax)
        {
            return WalletDecision.Answer(new WalletRejected(id ?? string.Empty, WalletRejection.Invalid, $"operation id must have 1 to {_bounds.TextMax} characters", Balance));
        }

        if (OperationFingerprint.KindOf(command) is not { } kind)
        {
            return WalletDecision.Answer(new WalletAccepted(id, Balance)); // GetBalance: a read
        }

        var fingerprint = _fingerprint.Of(command);
        if (_ops.TryGet(id, out var seen))
        {
            return WalletDecision.Answer(seen.Kind == kind && seen.Fingerprint == fingerprint
                ? seen.ToReply()
                : new WalletRejected(id, WalletRejection.Conflict, $"operation id was used for a different {seen.Kind}", Balance));
        }

        if (command is OpenWallet open)
        {
            return DecideOpen(open, fingerprint, now);
        }

        if (Currency is null)
        {
            return Reject(id, kind, fingerprint, WalletRejection.Invalid, "wallet is not open", now);
        }

        var ctx = new Ctx(id, kind, fingerprint, now);
        return command switch
        {
            BeginDeposit c => DecideDeposit(ctx, c),
            ConfirmDeposit c => DecideResolve(ctx, c.DepositId, OperationKind.Deposit, c.ProviderReference, (t, amount) => new DepositConfirmed(id, fingerprint, t, amount, c.ProviderReference, now)),
            FailDeposit c => DecideResolve(ctx, c.DepositId, OperationKind.Deposit, c.Reason, (t, amount) => new DepositFailed(id, fingerprint, t, amount, c.Reason, now)),
            RequestWithdrawal c => DecideWithdrawal(ctx, c),
            ConfirmWithdrawal c => DecideResolve(ctx, c.WithdrawalId, OperationKind.Withdrawal, c.ProviderReference, (t, amount) => new WithdrawalConfirmed(id, fingerprint, t, amount, c.ProviderReference, now)),
            RefuseWithdrawal c => DecideResolve(ctx, c.WithdrawalId, OperationKind.Withdrawal, c.Reason, (t, amount) => new WithdrawalRefused(id, fingerprint, t, amount, c.Reason, now)),
            ReserveBet c => DecideReserve(ctx, c),
            SettleBet c => DecideSettle(ctx, c),
            VoidBet c => DecideVoid(ctx, c),
            AdjustBalance c => DecideAdjust(ctx, c),
            SetLimits c => DecideLimits(ctx, c),
            SelfExclude c => c.Until > now
                ? WalletDecision.Persist(new SelfExclusionSet(id, fingerprint, c.Until, now))
                : Reject(ctx, WalletRejection.Invalid, "self-exclusion must end in the future"),
            _ => Reject(ctx, WalletRejection.Invalid, $"unknown command {command.GetType().Name}"),
        };
    }

    private readonly record struct Ctx(string Id, OperationKind Kind, long Fingerprint, DateTimeOffset Now)
    {
        public DateOnly Today => ResponsibleGaming.DayOf(Now);
    }

    private WalletDecision DecideOpen(OpenWallet open, long fingerprint, DateTimeOffset now)
    {
        if (!IsCurrencyCode(open.Currency))
        {
            return Reject(open.OperationId, OperationKind.Open, fingerprint, WalletRejection.Invalid, "currency must be a three-letter ISO 4217 code", now);
        }

        if (Currency is null)
        {
            return WalletDecision.Persist(new WalletOpened(open.OperationId, fingerprint, open.Currency, now));
        }

        // Opening is naturally idempotent: the currency never changes, so the answer needs no record.
        return WalletDecision.Answer(Currency == open.Currency
            ? new WalletAccepted(open.OperationId, Balance)
            : new WalletRejected(open.OperationId, WalletRejection.Invalid, $"wallet is open in {Currency}", Balance));
    }

    private WalletDecision DecideDeposit(in Ctx ctx, BeginDeposit c)
    {
        if ((AmountProblem(c.Amount) ?? TextProblem(c.Channel, "channel", required: true)) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        if (_rg.IsExcluded(ctx.Now))
        {
            return Reject(ctx, WalletRejection.SelfExcluded, $"self-excluded until {_rg.SelfExcludedUntil:O}");
        }

        if (Ledger.PendingCount >= _bounds.PendingTransfersMax)
        {
            return Reject(ctx, WalletRejection.LimitExceeded, $"at most {_bounds.PendingTransfersMax} open transfers");
        }

        if (_rg.DailyDepositLimitMinor is { } limit && _rg.DepositedOn(ctx.Today) + c.Amount.Minor > limit)
        {
            return Reject(ctx, WalletRejection.LimitExceeded, $"daily deposit limit {limit}: {_rg.DepositedOn(ctx.Today)} deposited today");
        }

        return Ledger.WouldOverflow(c.Amount.Minor)
            ? Reject(ctx, WalletRejection.Invalid, "amount would overflow the ledger")
            : WalletDecision.Persist(new DepositBegun(ctx.Id, ctx.Fingerprint, c.Amount.Minor, c.Channel, ctx.Now));
    }

    private WalletDecision DecideWithdrawal(in Ctx ctx, RequestWithdrawal c)
    {
        if ((AmountProblem(c.Amount) ?? TextProblem(c.Channel, "channel", required: true)) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        if (Ledger.PendingCount >= _bounds.PendingTransfersMax)
        {
            return Reject(ctx, WalletRejection.LimitExceeded, $"at most {_bounds.PendingTransfersMax} open transfers");
        }

        return Ledger.Available < c.Amount.Minor
            ? Reject(ctx, WalletRejection.InsufficientFunds, $"available {Ledger.Available}, asked {c.Amount.Minor}")
            : WalletDecision.Persist(new WithdrawalRequested(ctx.Id, ctx.Fingerprint, c.Amount.Minor, c.Channel, ctx.Now));
    }

    private WalletDecision DecideReserve(in Ctx ctx, ReserveBet c)
    {
        if ((AmountProblem(c.Stake) ?? TextProblem(c.Reference, "reference", required: false)) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        if (c.ExpiresAt <= ctx.Now || c.ExpiresAt - ctx.Now > _bounds.ReservationTtlMax)
        {
            return Reject(ctx, WalletRejection.Invalid, $"expiry must be in the future and at most {_bounds.ReservationTtlMax} away");
        }

        if (_tombstones.Contains(ctx.Id))
        {
            return Reject(ctx, WalletRejection.Tombstoned, "a void for this reservation came first");
        }

        if (_rg.IsExcluded(ctx.Now))
        {
            return Reject(ctx, WalletRejection.SelfExcluded, $"self-excluded until {_rg.SelfExcludedUntil:O}");
        }

        if (Ledger.PendingCount >= _bounds.PendingTransfersMax)
        {
            return Reject(ctx, WalletRejection.LimitExceeded, $"at most {_bounds.PendingTransfersMax} open transfers");
        }

        if (_rg.DailyLossLimitMinor is { } limit && _rg.LossOn(ctx.Today) + PendingStakes + c.Stake.Minor > limit)
        {
            return Reject(ctx, WalletRejection.LimitExceeded, $"daily loss limit {limit}: lost {_rg.LossOn(ctx.Today)} today, {PendingStakes} at stake");
        }

        return Ledger.Available < c.Stake.Minor
            ? Reject(ctx, WalletRejection.InsufficientFunds, $"available {Ledger.Available}, stake {c.Stake.Minor}")
            : WalletDecision.Persist(new BetReserved(ctx.Id, ctx.Fingerprint, c.Stake.Minor, c.ExpiresAt, c.Reference, ctx.Now));
    }

    private WalletDecision DecideSettle(in Ctx ctx, SettleBet c)
    {
        if (c.Payout.Currency != Currency || c.Payout.Minor < 0 || c.Payout.Minor > _bounds.AmountMaxMinor)
        {
            return Reject(ctx, WalletRejection.Invalid, $"payout must be 0 to {_bounds.AmountMaxMinor} {Currency}");
        }

        if (FindTransfer(ctx, c.ReservationId, OperationKind.ReserveBet, out var reservation) is { } refused)
        {
            return refused;
        }

        if (Ledger.Pending[reservation.Id].ExpiresAt <= ctx.Now)
        {
            return Reject(ctx, WalletRejection.Expired, "reservation expired");
        }

        return Ledger.WouldOverflow(c.Payout.Minor)
            ? Reject(ctx, WalletRejection.Invalid, "payout would overflow the ledger")
            : WalletDecision.Persist(new BetSettled(ctx.Id, ctx.Fingerprint, reservation.Id, reservation.AmountMinor, c.Payout.Minor, ctx.Now));
    }

    private WalletDecision DecideVoid(in Ctx ctx, VoidBet c)
    {
        if ((TextProblem(c.ReservationId, "reservation id", required: true) ?? TextProblem(c.Reason, "reason", required: false)) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        if (!_ops.TryGet(c.ReservationId, out var r))
        {
            return WalletDecision.Persist(_tombstones.Contains(c.ReservationId)
                ? new VoidRecorded(ctx.Id, ctx.Fingerprint, c.ReservationId, c.Reason, ctx.Now)
                : new ReservationTombstoned(ctx.Id, ctx.Fingerprint, c.ReservationId, c.Reason, ctx.Now));
        }

        if (r.Kind != OperationKind.ReserveBet)
        {
            return Reject(ctx, WalletRejection.Invalid, $"{c.ReservationId} is a {r.Kind}, not a bet reservation");
        }

        return r.Status switch
        {
            TransferStatus.Pending => WalletDecision.Persist(new BetVoided(ctx.Id, ctx.Fingerprint, r.Id, r.AmountMinor, c.Reason, ctx.Now)),
            TransferStatus.Posted => Reject(ctx, WalletRejection.AlreadySettled, "reservation was settled"),
            _ => WalletDecision.Persist(new VoidRecorded(ctx.Id, ctx.Fingerprint, r.Id, c.Reason, ctx.Now)), // voided, expired or refused: nothing held
        };
    }

    private WalletDecision DecideResolve(in Ctx ctx, string transferId, OperationKind kind, string text, Func<string, long, WalletEvent> make)
    {
        if (TextProblem(text, "reference or reason", required: false) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        return FindTransfer(ctx, transferId, kind, out var t) is { } refused
            ? refused
            : WalletDecision.Persist(make(t.Id, t.AmountMinor));
    }

    private WalletDecision DecideAdjust(in Ctx ctx, AdjustBalance c)
    {
        var magnitude = c.SignedAmount.Minor == long.MinValue ? long.MaxValue : Math.Abs(c.SignedAmount.Minor);
        if (c.SignedAmount.Currency != Currency || c.SignedAmount.Minor == 0 || magnitude > _bounds.AmountMaxMinor)
        {
            return Reject(ctx, WalletRejection.Invalid, $"adjustment must be non-zero, at most {_bounds.AmountMaxMinor} {Currency} either way");
        }

        if ((TextProblem(c.Reason, "reason", required: true) ?? TextProblem(c.Actor, "actor", required: true)) is { } bad)
        {
            return Reject(ctx, WalletRejection.Invalid, bad);
        }

        if (c.SignedAmount.Minor < 0 && Ledger.Available < magnitude)
        {
            return Reject(ctx, WalletRejection.InsufficientFunds, $"available {Ledger.Available}, adjustment {c.SignedAmount.Minor}");
        }

        return Ledger.WouldOverflow(magnitude)
            ? Reject(ctx, WalletRejection.Invalid, "adjustment would overflow the ledger")
            : WalletDecision.Persist(new BalanceAdjusted(ctx.Id, ctx.Fingerprint, c.SignedAmount.Minor, c.Reason, c.Actor, ctx.Now));
    }

    private WalletDecision DecideLimits(in Ctx ctx, SetLimits c) =>
        c.DailyDepositLimitMinor < 0 || c.DailyLossLimitMinor < 0
            ? Reject(ctx, WalletRejection.Invalid, "limits must be null (none) or at least 0")
            : WalletDecision.Persist(new LimitsSet(ctx.Id, ctx.Fingerprint, c.DailyDepositLimitMinor, c.DailyLossLimitMinor, ctx.Now));
}
