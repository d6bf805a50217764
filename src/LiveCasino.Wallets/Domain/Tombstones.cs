namespace LiveCasino.Wallets.Domain;

/// <summary>
/// Reservation ids voided before they were seen, so that a late reservation with such an id is
/// refused. Bounded: the oldest goes first past the maximum, and each goes after the window
/// (by then any reservation carrying it has expired and is refused anyway).
/// </summary>
public sealed class Tombstones
{
    private readonly Dictionary<string, DateTimeOffset> _at = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _at.Count;

    public bool Contains(string reservationId) => _at.ContainsKey(reservationId);

    /// <summary>Tombstones oldest first.</summary>
    public IEnumerable<(string ReservationId, DateTimeOffset At)> InOrder() => _order.Select(id => (id, _at[id]));

    public void Add(string reservationId, DateTimeOffset at)
    {
        if (_at.TryAdd(reservationId, at))
        {
            _order.Enqueue(reservationId);
        }
    }

    public void Evict(DateTimeOffset now, TimeSpan window, int max)
    {
        var horizon = now - window;
        while (_order.TryPeek(out var oldest) && (_at[oldest] <= horizon || _at.Count > max))
        {
            _order.Dequeue();
            _at.Remove(oldest);
        }
    }

    public void Clear()
    {
        _at.Clear();
        _order.Clear();
    }
}
