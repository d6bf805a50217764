using System.Text.Json;
using LiveCasino.Wallets.Events;
using LiveCasino.Wallets.Ledger;

namespace LiveCasino.Wallets.Domain;

/// <summary>Snapshots: the whole state as a <see cref="WalletSnapshot"/>, in canonical order, and back.</summary>
public sealed partial class WalletState
{
    public WalletSnapshot ToSnapshot() => new(
        Currency,
        Ledger.AccountsCopy(),
        [.. Ledger.Pending.Values.OrderBy(t => t.Id, StringComparer.Ordinal)],
        [.. _ops.Records.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new OperationRecordState(
            r.Id, r.Kind, r.Fingerprint, r.At, r.Reply.Accepted, r.Reply.Reason, r.Reply.Detail, r.Reply.Balance, r.Status, r.AmountMinor, r.EvictOrder, r.EvictableSince))],
        _ops.NextEvictOrder,
        [.. _tombstones.InOrder().Select(t => new TombstoneState(t.ReservationId, t.At))],
        _rg.DailyDepositLimitMinor,
        _rg.DailyLossLimitMinor,
        _rg.SelfExcludedUntil,
        _rg.Day,
        _rg.DepositedToday,
        _rg.LossToday);

    /// <summary>Replaces the state with a snapshot's and checks that ledger and records agree.</summary>
    public void Restore(WalletSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Currency = snapshot.Currency;
        Ledger.Restore(snapshot.Accounts, snapshot.Pending);
        _ops.Restore(
            snapshot.Operations.Select(s => new OperationRecord(s.Id, s.Kind, s.Fingerprint, s.At, new WalletReplyRecord(s.Accepted, s.Reason, s.Detail, s.Balance), s.Status, s.AmountMinor)
            {
                EvictOrder = s.EvictOrder,
                EvictableSince = s.EvictableSince,
            }),
            snapshot.NextEvictOrder);
        _tombstones.Clear();
        foreach (var t in snapshot.Tombstones)
        {
            _tombstones.Add(t.ReservationId, t.At);
        }

        _rg.Restore(snapshot.DailyDepositLimitMinor, snapshot.DailyLossLimitMinor, snapshot.SelfExcludedUntil, snapshot.CounterDay, snapshot.DepositedToday, snapshot.LossToday);
        PendingStakes = 0;
        var open = 0;
        foreach (var r in _ops.Records.Where(r => r.Status == TransferStatus.Pending))
        {
            open++;
            if (!Ledger.Pending.TryGetValue(r.Id, out var t) || t.Amount != r.AmountMinor)
            {
                throw new LedgerInvariantException($"Snapshot: open operation {r.Id} has no matching pending transfer.");
            }

            if (r.Kind == OperationKind.ReserveBet)
            {
                PendingStakes += r.AmountMinor;
            }
        }

        if (open != Ledger.PendingCount)
        {
            throw new LedgerInvariantException($"Snapshot: {Ledger.PendingCount} pending transfers but {open} open operations.");
        }
    }

    /// <summary>A canonical text of the whole state: equal states give equal digests (tests compare live and replayed state with it).</summary>
    public string Digest() => JsonSerializer.Serialize(ToSnapshot(), WalletJsonContext.Default.WalletSnapshot);
}
