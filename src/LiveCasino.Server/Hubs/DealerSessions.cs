using System.Collections.Concurrent;

namespace LiveCasino.Server.Hubs;

/// <summary>
/// The current session of each console on this node. A console that reconnects replaces its session;
/// only the current one, when it ends, detaches the console actor (so an old connection closing late
/// cannot detach the new one).
/// </summary>
public sealed class DealerSessions
{
    private readonly ConcurrentDictionary<string, DealerSession> _current = new(StringComparer.Ordinal);

    public void Set(DealerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _current[session.ConsoleId] = session;
    }

    /// <summary>Forgets <paramref name="session"/> if it is still the console's current one; true then.</summary>
    public bool Remove(DealerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _current.TryRemove(new KeyValuePair<string, DealerSession>(session.ConsoleId, session));
    }
}
