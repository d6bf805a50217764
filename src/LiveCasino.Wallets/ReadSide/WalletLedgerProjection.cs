using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Query;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Ledger;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Wallets.ReadSide;

/// <summary>
/// The wallets' read model, built from the journal by tag ("wallet") in global offset order:
/// every player's history with running balances, and the ledger-wide trial balance. It applies the
/// same postings the wallets apply (<see cref="WalletPostings"/>) and checks them independently:
/// each pending transfer resolved at most once and with its own amount, no player debited beyond
/// its posted credits, debits equal credits. A break is recorded in <see cref="Anomalies"/>.
/// Resumable: it skips what it has seen (by offset, and by sequence number per wallet).
/// Thread-safe: one writer (the catch-up or follow loop), any number of readers.
/// </summary>
public sealed class WalletLedgerProjection
{
    private readonly WalletProjectionOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PlayerView> _players = new(StringComparer.Ordinal);
    private readonly AccountTotals[] _totals = new AccountTotals[Enum.GetValues<AccountKind>().Length];
    private readonly List<string> _anomalies = [];
    private readonly Posting[] _postings = new Posting[WalletPostings.Max];
    private long _offset;
    private long _anomalyCount;

    public WalletLedgerProjection(WalletProjectionOptions? options = null)
    {
        _options = options ?? WalletProjectionOptions.Default;
        _options.Validate();
    }

    /// <summary>Offset of the last event applied; a resumed follower starts after it.</summary>
    public long Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    /// <summary>Invariant breaks seen (newest kept up to the limit).</summary>
    public IReadOnlyList<string> Anomalies
    {
        get
        {
            lock (_gate)
            {
                return [.. _anomalies];
            }
        }
    }

    public long AnomalyCount => Interlocked.Read(ref _anomalyCount);

    /// <summary>Applies every wallet event after <see cref="Offset"/> that exists now; returns how many.</summary>
    public async Task<int> CatchUpAsync(IJournal journal, CancellationToken cancellationToken = default)
    {
        var n = 0;
        await foreach (var e in EventsByTag.CurrentAsync(journal, WalletDirectory.Tag, Offset, null, cancellationToken).ConfigureAwait(false))
        {
            Apply(e);
            n++;
        }

        return n;
    }

    /// <summary>Follows the tag until cancelled, polling on <paramref name="time"/> when idle.</summary>
    public async Task RunAsync(IJournal journal, TimeProvider time, TagFollowerOptions? options = null, CancellationToken cancellationToken = default)
    {
        await foreach (var e in EventsByTag.FollowAsync(journal, WalletDirectory.Tag, Offset, time, options, cancellationToken).ConfigureAwait(false))
        {
            Apply(e);
        }
    }

    /// <summary>Applies one journal event (ignored if not a wallet's, or already seen).</summary>
    public void Apply(PersistentEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            if (stored.Offset <= _offset)
            {
                return;
            }

            _offset = stored.Offset;
            if (stored.Payload is not WalletEvent e || WalletDirectory.PlayerIdOf(stored.PersistenceId) is not { } playerId)
            {
                return;
            }

            if (!_players.TryGetValue(playerId, out var player))
            {
                if (_players.Count >= _options.PlayersMax)
                {
                    throw new InvalidOperationException($"The wallet projection tracks {_options.PlayersMax} players, its limit; raise PlayersMax.");
                }

                player = new PlayerView(playerId);
                _players.Add(playerId, player);
            }

            if (stored.SequenceNr <= player.LastSequenceNr)
            {
                return; // delivered twice: the journal's order already counted it
            }

            player.LastSequenceNr = stored.SequenceNr;
            ApplyTo(player, e, stored);
        }
    }

    public TrialBalance TrialBalance()
    {
        lock (_gate)
        {
            return new TrialBalance([.. Enum.GetValues<AccountKind>().Select(k => new TrialBalanceLine(k, _totals[(int)k]))], _players.Count, _offset);
        }
    }

    /// <summary>The player's balance as the read side sees it (null if no event of theirs was seen).</summary>
    public WalletBalance? BalanceOf(string playerId)
    {
        lock (_gate)
        {
            return _players.TryGetValue(playerId, out var p)
                ? new WalletBalance(p.Currency ?? string.Empty, p.Account.CreditsPosted, p.Account.DebitsPosted, p.Account.CreditsPending, p.Account.DebitsPending)
                : null;
        }
    }

    /// <summary>Every tracked player's balance.</summary>
    public IReadOnlyDictionary<string, WalletBalance> Balances()
    {
        lock (_gate)
        {
            return _players.ToDictionary(
                p => p.Key,
                p => new WalletBalance(p.Value.Currency ?? string.Empty, p.Value.Account.CreditsPosted, p.Value.Account.DebitsPosted, p.Value.Account.CreditsPending, p.Value.Account.DebitsPending),
                StringComparer.Ordinal);
        }
    }

    /// <summary>A page of the player's history, newest first, older than <paramref name="beforeSequenceNr"/> when given.</summary>
    public HistoryPage History(string playerId, int pageSize, long? beforeSequenceNr = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, _options.PageSizeMax);
        lock (_gate)
        {
            if (!_players.TryGetValue(playerId, out var p))
            {
                return new HistoryPage(playerId, [], null);
            }

            var end = p.Entries.Count; // exclusive; entries ascend by sequence number
            if (beforeSequenceNr is { } before)
            {
                while (end > 0 && p.Entries[end - 1].SequenceNr >= before)
                {
                    end--;
                }
            }

            var start = Math.Max(0, end - pageSize);
            var items = new List<WalletTransaction>(end - start);
            for (var i = end - 1; i >= start; i--)
            {
                items.Add(p.Entries[i]);
            }

            return new HistoryPage(playerId, items, start > 0 ? p.Entries[start].SequenceNr : null);
        }
    }

    private void ApplyTo(PlayerView player, WalletEvent e, PersistentEvent stored)
    {
        if (e is WalletOpened opened)
        {
            player.Currency = opened.Currency;
        }

        var before = player.Account;
        var n = WalletPostings.Of(e, _postings);
        for (var i = 0; i < n; i++)
        {
            var posting = _postings[i];
            CheckTransfer(player, posting, stored);
            _totals[(int)posting.Debit] = PostingMath.Move(_totals[(int)posting.Debit], posting, debit: true);
            _totals[(int)posting.Credit] = PostingMath.Move(_totals[(int)posting.Credit], posting, debit: false);
            if (posting.Debit == AccountKind.Player || posting.Credit == AccountKind.Player)
            {
                player.Account = PostingMath.Move(player.Account, posting, debit: posting.Debit == AccountKind.Player);
            }
        }

        if (n == 0)
        {
            return;
        }

        var a = player.Account;
        if (a.DebitsPending + a.DebitsPosted > a.CreditsPosted)
        {
            Anomaly($"{stored.PersistenceId}#{stored.SequenceNr}: player debits {a.DebitsPending}+{a.DebitsPosted} exceed posted credits {a.CreditsPosted}");
        }

        var availableBefore = before.CreditsPosted - before.DebitsPosted - before.DebitsPending;
        var availableAfter = a.CreditsPosted - a.DebitsPosted - a.DebitsPending;
        var (operationId, transferId, detail) = TransactionText.Describe(e);
        player.Entries.Add(new WalletTransaction(
            player.PlayerId, stored.SequenceNr, stored.Offset, e.At, TransactionText.KindOf(e), operationId, transferId, detail,
            a.NetPostedCredit - before.NetPostedCredit, availableAfter - availableBefore, a.NetPostedCredit, availableAfter, a.CreditsPending));
        if (player.Entries.Count >= _options.EntriesPerPlayerMax + Math.Max(1, _options.EntriesPerPlayerMax / 4))
        {
            player.Entries.RemoveRange(0, player.Entries.Count - _options.EntriesPerPlayerMax); // amortized trim
        }
    }

    private void CheckTransfer(PlayerView player, in Posting p, PersistentEvent stored)
    {
        switch (p.Kind)
        {
            case PostingKind.Pending when !player.Open.TryAdd(p.TransferId, p.Amount):
                Anomaly($"{stored.PersistenceId}#{stored.SequenceNr}: transfer {p.TransferId} reserved twice");
                break;
            case PostingKind.PostPending or PostingKind.VoidPending:
                if (!player.Open.Remove(p.TransferId, out var amount))
                {
                    Anomaly($"{stored.PersistenceId}#{stored.SequenceNr}: transfer {p.TransferId} resolved but not open (resolved twice?)");
                }
                else if (amount != p.Amount)
                {
                    Anomaly($"{stored.PersistenceId}#{stored.SequenceNr}: transfer {p.TransferId} resolves {p.Amount}, reserved {amount}");
                }

                break;
        }
    }

    private void Anomaly(string what)
    {
        Interlocked.Increment(ref _anomalyCount);
        if (_anomalies.Count < _options.AnomaliesMax)
        {
            _anomalies.Add(what);
        }
    }
}
