using LiveCasino.Stores.Journal;

namespace LiveCasino.Stores.Tests.Support;

/// <summary>Builders for events and writes. Timestamps are whole milliseconds so every store round-trips them.</summary>
internal static class Events
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static PersistentEvent Event(string pid, long nr, object? payload = null, params string[] tags) =>
        new(pid, nr, payload ?? new Noted($"{pid}#{nr}"), Epoch.AddMilliseconds(nr), tags, "writer-1");

    public static AtomicWrite Write(string pid, long nr, object? payload = null, params string[] tags) =>
        new([Event(pid, nr, payload, tags)]);

    /// <summary>One atomic write of the contiguous numbers from..to.</summary>
    public static AtomicWrite WriteRange(string pid, long from, long to, params string[] tags)
    {
        var events = new List<PersistentEvent>();
        for (var nr = from; nr <= to; nr++)
        {
            events.Add(Event(pid, nr, null, tags));
        }

        return new AtomicWrite(events);
    }

    public static string TextOf(PersistentEvent e) => ((Noted)e.Payload).Text;
}
