using LiveCasino.Wallets.Events;

namespace LiveCasino.Wallets.Domain;

/// <summary>Expiry of bet reservations: which are due, and when the next one is.</summary>
public sealed partial class WalletState
{
    /// <summary>Open bet reservations whose expiry has come, as events to persist (oldest expiry first, at most <paramref name="max"/>).</summary>
    public IReadOnlyList<WalletEvent> DueExpiries(DateTimeOffset now, int max)
    {
        List<WalletEvent>? due = null;
        foreach (var t in Ledger.Pending.Values)
        {
            if (t.ExpiresAt is { } at && at <= now)
            {
                (due ??= []).Add(new BetReservationExpired(t.Id, t.Amount, now));
            }
        }

        if (due is null)
        {
            return [];
        }

        return [.. due.OrderBy(e => Ledger.Pending[((BetReservationExpired)e).ReservationId].ExpiresAt).ThenBy(e => ((BetReservationExpired)e).ReservationId, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>The earliest expiry among open reservations, if any.</summary>
    public DateTimeOffset? NextExpiry()
    {
        DateTimeOffset? next = null;
        foreach (var t in Ledger.Pending.Values)
        {
            if (t.ExpiresAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }
}
