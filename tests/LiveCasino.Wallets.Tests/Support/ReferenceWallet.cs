using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Tests.Support;

/// <summary>What a reply must be: accepted or refused (and why), and the balance it carries.</summary>
public sealed record Expected(bool Accepted, WalletRejection? Reason, WalletBalance Balance)
{
    public bool Matches(WalletReply reply) =>
        reply.Balance == Balance && (Accepted ? reply is WalletAccepted : reply is WalletRejected r && r.Reason == Reason);
}

/// <summary>
/// The reference model for the model-based test: the wallet's contract written the plain way,
/// independently of the implementation (flat balances, one dictionary of everything seen, per-day
/// sums kept per day). It knows nothing of ledgers, events, records or eviction (the test keeps
/// the run inside the idempotency window and below every bound).
/// </summary>
public sealed class ReferenceWallet(TimeSpan reservationTtlMax, int pendingMax)
{
    private const long AmountMax = 1_000_000_000_000;
    private readonly Dictionary<string, (WalletCommand Content, Expected Reply)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Transfer> _transfers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tombstones = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, long> _deposited = [];
    private readonly Dictionary<DateOnly, long> _lost = [];
    private long? _depositLimit;
    private long? _lossLimit;
    private DateTimeOffset _excludedUntil = DateTimeOffset.MinValue;

    private enum State { Pending, Posted, Voided, Expired }

    private sealed class Transfer(char kind, long amount, DateTimeOffset begunAt, DateTimeOffset? expiresAt)
    {
        public char Kind { get; } = kind; // 'D'eposit, 'W'ithdrawal, 'B'et

        public long Amount { get; } = amount;

        public DateTimeOffset BegunAt { get; } = begunAt;

        public DateTimeOffset? ExpiresAt { get; } = expiresAt;

        public State State { get; set; }
    }

    public string? Currency { get; private set; }

    public long CreditsPosted { get; private set; }

    public long DebitsPosted { get; private set; }

    public long CreditsPending { get; private set; }

    public long DebitsPending { get; private set; }

    public long Available => CreditsPosted - DebitsPosted - DebitsPending;

    public WalletBalance Balance => new(Currency ?? string.Empty, CreditsPosted, DebitsPosted, CreditsPending, DebitsPending);

    /// <summary>Ids that took effect or were refused (not conflicts, reads or repeated opens).</summary>
    public IReadOnlyCollection<string> SeenIds => _seen.Keys;

    public IEnumerable<string> TransferIds(char kind, bool pendingOnly) =>
        _transfers.Where(t => t.Value.Kind == kind && (!pendingOnly || t.Value.State == State.Pending)).Select(t => t.Key);

    public bool Knows(string id) => _seen.ContainsKey(id);

    public Expected Handle(WalletCommand c, DateTimeOffset now)
    {
        Expire(now);
        var id = c.OperationId;
        if (string.IsNullOrEmpty(id) || id.Length > 200)
        {
            return No(WalletRejection.Invalid);
        }

        if (c is GetBalance)
        {
            return Yes();
        }

        var content = c;
        if (_seen.TryGetValue(id, out var seen))
        {
            return seen.Content.Equals(content) ? seen.Reply : No(WalletRejection.Conflict);
        }

        if (c is OpenWallet open && Currency is not null && IsCode(open.Currency))
        {
            return open.Currency == Currency ? Yes() : No(WalletRejection.Invalid); // not remembered
        }

        var reply = c is OpenWallet first ? Open(first) : Currency is null ? No(WalletRejection.Invalid) : Decide(c, now);
        _seen[id] = (content, reply);
        return reply;
    }

    private Expected Open(OpenWallet o)
    {
        if (!IsCode(o.Currency))
        {
            return No(WalletRejection.Invalid);
        }

        Currency = o.Currency;
        return Yes();
    }

    private static bool IsCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    private Expected Decide(WalletCommand c, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pendingCount = _transfers.Values.Count(t => t.State == State.Pending);
        var pendingStakes = _transfers.Values.Where(t => t.Kind == 'B' && t.State == State.Pending).Sum(t => t.Amount);
        switch (c)
        {
            case BeginDeposit d:
                if (!Valid(d.Amount) || string.IsNullOrEmpty(d.Channel)) return No(WalletRejection.Invalid);
                if (now < _excludedUntil) return No(WalletRejection.SelfExcluded);
                if (pendingCount >= pendingMax) return No(WalletRejection.LimitExceeded);
                if (_depositLimit is { } dl && _deposited.GetValueOrDefault(today) + d.Amount.Minor > dl) return No(WalletRejection.LimitExceeded);
                CreditsPending += d.Amount.Minor;
                _deposited[today] = _deposited.GetValueOrDefault(today) + d.Amount.Minor;
                _transfers[d.OperationId] = new Transfer('D', d.Amount.Minor, now, null);
                return Yes();
            case ConfirmDeposit d:
                return Resolve(d.DepositId, 'D', typeof(BeginDeposit), t => { CreditsPending -= t.Amount; CreditsPosted += t.Amount; t.State = State.Posted; });
            case FailDeposit d:
                return Resolve(d.DepositId, 'D', typeof(BeginDeposit), t =>
                {
                    CreditsPending -= t.Amount;
                    t.State = State.Voided;
                    var day = DateOnly.FromDateTime(t.BegunAt.UtcDateTime);
                    _deposited[day] -= t.Amount;
                });
            case RequestWithdrawal w:
                if (!Valid(w.Amount) || string.IsNullOrEmpty(w.Channel)) return No(WalletRejection.Invalid);
                if (pendingCount >= pendingMax) return No(WalletRejection.LimitExceeded);
                if (Available < w.Amount.Minor) return No(WalletRejection.InsufficientFunds);
                DebitsPending += w.Amount.Minor;
                _transfers[w.OperationId] = new Transfer('W', w.Amount.Minor, now, null);
                return Yes();
            case ConfirmWithdrawal w:
                return Resolve(w.WithdrawalId, 'W', typeof(RequestWithdrawal), t => { DebitsPending -= t.Amount; DebitsPosted += t.Amount; t.State = State.Posted; });
            case RefuseWithdrawal w:
                return Resolve(w.WithdrawalId, 'W', typeof(RequestWithdrawal), t => { DebitsPending -= t.Amount; t.State = State.Voided; });
            case ReserveBet b:
                if (!Valid(b.Stake)) return No(WalletRejection.Invalid);
                if (b.ExpiresAt <= now || b.ExpiresAt - now > reservationTtlMax) return No(WalletRejection.Invalid);
                if (_tombstones.Contains(b.OperationId)) return No(WalletRejection.Tombstoned);
                if (now < _excludedUntil) return No(WalletRejection.SelfExcluded);
                if (pendingCount >= pendingMax) return No(WalletRejection.LimitExceeded);
                if (_lossLimit is { } ll && _lost.GetValueOrDefault(today) + pendingStakes + b.Stake.Minor > ll) return No(WalletRejection.LimitExceeded);
                if (Available < b.Stake.Minor) return No(WalletRejection.InsufficientFunds);
                DebitsPending += b.Stake.Minor;
                _transfers[b.OperationId] = new Transfer('B', b.Stake.Minor, now, b.ExpiresAt);
                return Yes();
            case SettleBet s:
                if (s.Payout.Currency != Currency || s.Payout.Minor < 0 || s.Payout.Minor > AmountMax) return No(WalletRejection.Invalid);
                return Resolve(s.ReservationId, 'B', typeof(ReserveBet), t =>
                {
                    DebitsPending -= t.Amount;
                    DebitsPosted += t.Amount;
                    CreditsPosted += s.Payout.Minor;
                    t.State = State.Posted;
                    _lost[today] = _lost.GetValueOrDefault(today) + t.Amount - s.Payout.Minor;
                });
            case VoidBet v:
                return Void(v);
            case AdjustBalance a:
                if (a.SignedAmount.Currency != Currency || a.SignedAmount.Minor == 0 || Math.Abs(a.SignedAmount.Minor) > AmountMax) return No(WalletRejection.Invalid);
                if (string.IsNullOrEmpty(a.Reason) || string.IsNullOrEmpty(a.Actor)) return No(WalletRejection.Invalid);
                if (a.SignedAmount.Minor < 0 && Available < -a.SignedAmount.Minor) return No(WalletRejection.InsufficientFunds);
                if (a.SignedAmount.Minor > 0) CreditsPosted += a.SignedAmount.Minor;
                else DebitsPosted -= a.SignedAmount.Minor;
                return Yes();
            case SetLimits l:
                if (l.DailyDepositLimitMinor < 0 || l.DailyLossLimitMinor < 0) return No(WalletRejection.Invalid);
                (_depositLimit, _lossLimit) = (l.DailyDepositLimitMinor, l.DailyLossLimitMinor);
                return Yes();
            case SelfExclude x:
                if (x.Until <= now) return No(WalletRejection.Invalid);
                if (x.Until > _excludedUntil) _excludedUntil = x.Until;
                return Yes();
            default:
                throw new InvalidOperationException($"the model does not know {c.GetType().Name}");
        }
    }

    private Expected Resolve(string transferId, char kind, Type begunBy, Action<Transfer> effect)
    {
        if (string.IsNullOrEmpty(transferId)) return No(WalletRejection.Invalid);
        if (!_seen.TryGetValue(transferId, out var begun)) return No(WalletRejection.Unknown);
        if (begun.Content.GetType() != begunBy) return No(WalletRejection.Invalid);
        if (!begun.Reply.Accepted) return No(WalletRejection.Unknown);
        var t = _transfers[transferId];
        if (t.Kind != kind) throw new InvalidOperationException("model bug: kind mismatch");
        switch (t.State)
        {
            case State.Pending:
                effect(t);
                return Yes();
            case State.Expired:
                return No(WalletRejection.Expired);
            default:
                return No(WalletRejection.AlreadySettled);
        }
    }

    private Expected Void(VoidBet v)
    {
        if (string.IsNullOrEmpty(v.ReservationId)) return No(WalletRejection.Invalid);
        if (!_seen.TryGetValue(v.ReservationId, out var begun))
        {
            _tombstones.Add(v.ReservationId);
            return Yes();
        }

        if (begun.Content is not ReserveBet) return No(WalletRejection.Invalid);
        if (!begun.Reply.Accepted) return Yes();
        var t = _transfers[v.ReservationId];
        switch (t.State)
        {
            case State.Pending:
                DebitsPending -= t.Amount;
                t.State = State.Voided;
                return Yes();
            case State.Posted:
                return No(WalletRejection.AlreadySettled);
            default:
                return Yes();
        }
    }

    private void Expire(DateTimeOffset now)
    {
        foreach (var t in _transfers.Values.Where(t => t.Kind == 'B' && t.State == State.Pending && t.ExpiresAt <= now))
        {
            DebitsPending -= t.Amount;
            t.State = State.Expired;
        }
    }

    private bool Valid(Money m) => m.Currency == Currency && m.Minor > 0 && m.Minor <= AmountMax;

    private Expected Yes() => new(true, null, Balance);

    private Expected No(WalletRejection reason) => new(false, reason, Balance);
}
