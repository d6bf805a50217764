using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace LiveCasino.Server.Edge;

/// <summary>
/// The open hub connections of the node, by connection and by account: enforces connections per
/// account (players) and one connection per console (a new one displaces the old), and delivers a
/// player's personal events (balance) to that player's connections only.
/// </summary>
public sealed class EdgeConnections
{
    private readonly ConcurrentDictionary<string, EdgeConnection> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EdgeConnection>> _byAccount = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count => _byId.Count;

    /// <summary>
    /// Registers <paramref name="connection"/>. A player over <paramref name="perAccountMax"/> is refused
    /// (false); a console displaces its previous connection, returned in <paramref name="displaced"/>.
    /// </summary>
    public bool TryAdd(EdgeConnection connection, int perAccountMax, out EdgeConnection? displaced)
    {
        ArgumentNullException.ThrowIfNull(connection);
        displaced = null;
        lock (_gate)
        {
            if (!_byAccount.TryGetValue(connection.Who.AccountId, out var list))
            {
                list = [];
                _byAccount[connection.Who.AccountId] = list;
            }

            if (connection.Who.IsConsole && list.Count > 0)
            {
                displaced = list[0];
                list.RemoveAt(0);
                _byId.TryRemove(displaced.ConnectionId, out _);
            }
            else if (list.Count >= perAccountMax)
            {
                return false;
            }

            list.Add(connection);
            _byId[connection.ConnectionId] = connection;
            return true;
        }
    }

    public void Remove(EdgeConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_gate)
        {
            if (_byAccount.TryGetValue(connection.Who.AccountId, out var list) && list.Remove(connection) && list.Count == 0)
            {
                _byAccount.Remove(connection.Who.AccountId);
            }

            if (_byId.TryGetValue(connection.ConnectionId, out var current) && ReferenceEquals(current, connection))
            {
                _byId.TryRemove(connection.ConnectionId, out _);
            }
        }
    }

    public EdgeConnection? Find(string connectionId) => _byId.TryGetValue(connectionId, out var c) ? c : null;

    /// <summary>True when the player has a connection on this node (worth telling about their balance).</summary>
    public bool HasAccount(string accountId)
    {
        lock (_gate)
        {
            return _byAccount.ContainsKey(accountId);
        }
    }

    /// <summary>Queues a personal frame on each connection of <paramref name="accountId"/>.</summary>
    public void SendToAccount(string accountId, SerializedHubMessage frame)
    {
        EdgeConnection[] targets;
        lock (_gate)
        {
            if (!_byAccount.TryGetValue(accountId, out var list))
            {
                return;
            }

            targets = [.. list];
        }

        foreach (var c in targets)
        {
            c.Offer(new Outgoing(null, 0, frame));
        }
    }
}
