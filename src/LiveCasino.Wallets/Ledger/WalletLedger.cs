using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.Ledger;

/// <summary>
/// The double-entry ledger of one wallet: four accounts (<see cref="AccountKind"/>) and the open
/// two-phase transfers. Pure: no clock, no I/O. <see cref="Apply"/> changes it one posting at a
/// time; <see cref="CheckInvariants"/> asserts after every event, live and on replay:
/// <list type="bullet">
/// <item>the player's debits, pending plus posted, never exceed its posted credits (available &gt;= 0);</item>
/// <item>over all accounts, posted debits equal posted credits and pending debits equal pending credits;</item>
/// <item>each open transfer is counted exactly once in the pending totals.</item>
/// </list>
/// </summary>
public sealed class WalletLedger
{
    private static readonly AccountKind[] Kinds = Enum.GetValues<AccountKind>();
    private readonly AccountTotals[] _accounts = new AccountTotals[Kinds.Length];
    private readonly Dictionary<string, PendingTransfer> _pending = new(StringComparer.Ordinal);

    public AccountTotals this[AccountKind kind] => _accounts[(int)kind];

    public IReadOnlyDictionary<string, PendingTransfer> Pending => _pending;

    public int PendingCount => _pending.Count;

    /// <summary>The player's account in the protocol's terms.</summary>
    public WalletBalance PlayerBalance(string currency)
    {
        var p = _accounts[(int)AccountKind.Player];
        return new WalletBalance(currency, p.CreditsPosted, p.DebitsPosted, p.CreditsPending, p.DebitsPending);
    }

    /// <summary>Posted credits minus posted and pending debits of the player.</summary>
    public long Available
    {
        get
        {
            var p = _accounts[(int)AccountKind.Player];
            return p.CreditsPosted - p.DebitsPosted - p.DebitsPending;
        }
    }

    /// <summary>True when adding <paramref name="amount"/> to any total could overflow a long.</summary>
    public bool WouldOverflow(long amount)
    {
        foreach (var a in _accounts)
        {
            if (a.DebitsPending > long.MaxValue - amount || a.DebitsPosted > long.MaxValue - amount
                || a.CreditsPending > long.MaxValue - amount || a.CreditsPosted > long.MaxValue - amount)
            {
                return true;
            }
        }

        return false;
    }

    public void Apply(in Posting posting)
    {
        if (posting.Amount <= 0)
        {
            throw new LedgerInvariantException($"Transfer {posting.TransferId} has non-positive amount {posting.Amount}.");
        }

        if (posting.Debit == posting.Credit)
        {
            throw new LedgerInvariantException($"Transfer {posting.TransferId} debits and credits the same account {posting.Debit}.");
        }

        ref var debit = ref _accounts[(int)posting.Debit];
        ref var credit = ref _accounts[(int)posting.Credit];
        var a = posting.Amount;
        switch (posting.Kind)
        {
            case PostingKind.Posted:
                debit = debit with { DebitsPosted = checked(debit.DebitsPosted + a) };
                credit = credit with { CreditsPosted = checked(credit.CreditsPosted + a) };
                break;
            case PostingKind.Pending:
                if (_pending.ContainsKey(posting.TransferId))
                {
                    throw new LedgerInvariantException($"Pending transfer {posting.TransferId} already exists.");
                }

                _pending.Add(posting.TransferId, new PendingTransfer(posting.TransferId, posting.Debit, posting.Credit, a, null));
                debit = debit with { DebitsPending = checked(debit.DebitsPending + a) };
                credit = credit with { CreditsPending = checked(credit.CreditsPending + a) };
                break;
            case PostingKind.PostPending:
            case PostingKind.VoidPending:
                Resolve(posting);
                debit = debit with { DebitsPending = debit.DebitsPending - a };
                credit = credit with { CreditsPending = credit.CreditsPending - a };
                if (posting.Kind == PostingKind.PostPending)
                {
                    debit = debit with { DebitsPosted = checked(debit.DebitsPosted + a) };
                    credit = credit with { CreditsPosted = checked(credit.CreditsPosted + a) };
                }

                break;
            default:
                throw new LedgerInvariantException($"Unknown posting kind {posting.Kind}.");
        }
    }

    /// <summary>Sets the expiry of an open pending transfer (bet reservations).</summary>
    public void SetExpiry(string transferId, DateTimeOffset expiresAt)
    {
        if (!_pending.TryGetValue(transferId, out var t))
        {
            throw new LedgerInvariantException($"No pending transfer {transferId} to set an expiry on.");
        }

        _pending[transferId] = t with { ExpiresAt = expiresAt };
    }

    /// <summary>Throws <see cref="LedgerInvariantException"/> naming the first invariant that does not hold.</summary>
    public void CheckInvariants()
    {
        var p = _accounts[(int)AccountKind.Player];
        if (p.DebitsPending + p.DebitsPosted > p.CreditsPosted)
        {
            throw new LedgerInvariantException($"Player debits {p.DebitsPending} pending + {p.DebitsPosted} posted exceed posted credits {p.CreditsPosted}.");
        }

        long debitsPosted = 0, creditsPosted = 0, debitsPending = 0, creditsPending = 0;
        foreach (var a in _accounts)
        {
            if (a.DebitsPending < 0 || a.CreditsPending < 0 || a.DebitsPosted < 0 || a.CreditsPosted < 0)
            {
                throw new LedgerInvariantException($"An account total went negative: {a}.");
            }

            debitsPosted += a.DebitsPosted;
            creditsPosted += a.CreditsPosted;
            debitsPending += a.DebitsPending;
            creditsPending += a.CreditsPending;
        }

        if (debitsPosted != creditsPosted || debitsPending != creditsPending)
        {
            throw new LedgerInvariantException($"Ledger does not balance: posted {debitsPosted} debits vs {creditsPosted} credits, pending {debitsPending} vs {creditsPending}.");
        }

        long openPending = 0;
        foreach (var t in _pending.Values)
        {
            openPending += t.Amount;
        }

        if (openPending != debitsPending)
        {
            throw new LedgerInvariantException($"Open transfers hold {openPending} but the accounts show {debitsPending} pending.");
        }
    }

    /// <summary>Restores accounts and open transfers (from a snapshot); checks invariants.</summary>
    public void Restore(IReadOnlyList<AccountTotals> accounts, IEnumerable<PendingTransfer> pending)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(pending);
        if (accounts.Count != _accounts.Length)
        {
            throw new LedgerInvariantException($"A snapshot holds {accounts.Count} accounts, expected {_accounts.Length}.");
        }

        for (var i = 0; i < _accounts.Length; i++)
        {
            _accounts[i] = accounts[i];
        }

        _pending.Clear();
        foreach (var t in pending)
        {
            _pending.Add(t.Id, t);
        }

        CheckInvariants();
    }

    public AccountTotals[] AccountsCopy() => [.. _accounts];

    private void Resolve(in Posting posting)
    {
        // Validate before removing: a refused posting leaves the ledger as it was.
        if (!_pending.TryGetValue(posting.TransferId, out var t))
        {
            throw new LedgerInvariantException($"No pending transfer {posting.TransferId} to {(posting.Kind == PostingKind.PostPending ? "post" : "void")}.");
        }

        if (t.Debit != posting.Debit || t.Credit != posting.Credit || t.Amount != posting.Amount)
        {
            throw new LedgerInvariantException($"Transfer {posting.TransferId} resolves {posting.Amount} {posting.Debit}->{posting.Credit} but {t.Amount} {t.Debit}->{t.Credit} is pending.");
        }

        _pending.Remove(posting.TransferId);
    }
}
