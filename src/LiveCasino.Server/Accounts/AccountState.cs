using System.Diagnostics;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// The fold of an account's events: credentials and sessions. Pure and deterministic (time comes
/// from the events), so replay rebuilds exactly the live state. Sessions are bounded: expired ones
/// are dropped whenever a session starts, and a start beyond the limit ends the oldest first.
/// </summary>
public sealed class AccountState
{
    private readonly Dictionary<string, SessionSnapshot> _sessions = new(StringComparer.Ordinal);

    public bool Exists => AccountId is not null;

    public string? AccountId { get; private set; }

    public string LoginName { get; private set; } = string.Empty;

    public AccountRole Role { get; private set; }

    public string? StudioId { get; private set; }

    public string SecretHash { get; private set; } = string.Empty;

    /// <summary>Goes up by one with every secret change.</summary>
    public int CredentialVersion { get; private set; }

    public bool Disabled { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public int SessionCount => _sessions.Count;

    /// <summary>Request ids remembered per account; older ones fall out (a retry comes within seconds, not hundreds of requests later).</summary>
    public const int RequestsRemembered = 256;

    private readonly Dictionary<string, AccountOutcome> _requests = new(StringComparer.Ordinal);
    private readonly Queue<string> _requestOrder = new();

    /// <summary>The outcome of an earlier request with this id, if it is still remembered.</summary>
    public AccountOutcome? OutcomeOf(string requestId) => _requests.TryGetValue(requestId, out var outcome) ? outcome : null;

    public void Apply(AccountEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.RequestId is { } requestId && !_requests.ContainsKey(requestId))
        {
            // The first event of a request says how it ended: a revoking end is a refresh reuse, anything else succeeded.
            Remember(requestId, e is SessionEnded { Reason: SessionEndReason.RefreshReused } ? AccountOutcome.RefreshReused : AccountOutcome.Ok);
        }

        switch (e)
        {
            case AccountRegistered r:
                Debug.Assert(!Exists, "registered twice");
                (AccountId, LoginName, Role, StudioId, SecretHash, RegisteredAt, CredentialVersion) = (r.AccountId, r.LoginName, r.Role, r.StudioId, r.SecretHash, r.At, 1);
                break;
            case SecretChanged c:
                SecretHash = c.SecretHash;
                CredentialVersion++;
                break;
            case SessionStarted s:
                foreach (var expired in _sessions.Values.Where(x => x.ExpiresAt <= s.At).Select(x => x.SessionId).ToList())
                {
                    _sessions.Remove(expired);
                }

                _sessions[s.SessionId] = new SessionSnapshot(s.SessionId, 1, s.At, s.ExpiresAt);
                break;
            case SessionRefreshed f when _sessions.TryGetValue(f.SessionId, out var session):
                Debug.Assert(f.Generation == session.Generation + 1, "generations advance by one");
                _sessions[f.SessionId] = session with { Generation = f.Generation };
                break;
            case SessionEnded ended:
                _sessions.Remove(ended.SessionId);
                break;
            case AccountDisabled:
                Disabled = true;
                _sessions.Clear();
                break;
        }
    }

    /// <summary>The session if it is active at <paramref name="now"/>.</summary>
    public SessionSnapshot? Active(string sessionId, DateTimeOffset now) =>
        !Disabled && _sessions.TryGetValue(sessionId, out var s) && s.ExpiresAt > now ? s : null;

    /// <summary>Events that start a session, ending the oldest active one first when at <paramref name="sessionsMax"/>.</summary>
    public IReadOnlyList<AccountEvent> StartSession(string sessionId, DateTimeOffset now, TimeSpan lifetime, int sessionsMax)
    {
        var active = _sessions.Values.Where(s => s.ExpiresAt > now).OrderBy(s => s.StartedAt).ThenBy(s => s.SessionId, StringComparer.Ordinal).ToList();
        var events = new List<AccountEvent>();
        for (var i = 0; i <= active.Count - sessionsMax; i++)
        {
            events.Add(new SessionEnded(active[i].SessionId, SessionEndReason.Evicted, now));
        }

        events.Add(new SessionStarted(sessionId, now + lifetime, now));
        return events;
    }

    /// <summary>Events that end every session except <paramref name="keep"/>.</summary>
    public IReadOnlyList<AccountEvent> EndSessionsExcept(string? keep, SessionEndReason reason, DateTimeOffset now) =>
        [.. _sessions.Keys.Where(id => id != keep).Order(StringComparer.Ordinal).Select(id => new SessionEnded(id, reason, now))];

    public AccountView View(DateTimeOffset now) =>
        new(AccountId!, LoginName, Role, StudioId, RegisteredAt, Disabled, CredentialVersion, _sessions.Values.Count(s => s.ExpiresAt > now));

    public AccountSnapshot ToSnapshot() =>
        new(AccountId!, LoginName, Role, StudioId, SecretHash, CredentialVersion, Disabled, RegisteredAt, [.. _sessions.Values])
        {
            Requests = [.. _requestOrder.Select(id => new RequestOutcome(id, _requests[id]))],
        };

    private void Remember(string requestId, AccountOutcome outcome)
    {
        _requests[requestId] = outcome;
        _requestOrder.Enqueue(requestId);
        if (_requestOrder.Count > RequestsRemembered)
        {
            _requests.Remove(_requestOrder.Dequeue());
        }
    }

    public void Restore(AccountSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        (AccountId, LoginName, Role, StudioId, SecretHash, CredentialVersion, Disabled, RegisteredAt) =
            (s.AccountId, s.LoginName, s.Role, s.StudioId, s.SecretHash, s.CredentialVersion, s.Disabled, s.RegisteredAt);
        _sessions.Clear();
        foreach (var session in s.Sessions)
        {
            _sessions[session.SessionId] = session;
        }

        _requests.Clear();
        _requestOrder.Clear();
        foreach (var request in s.Requests ?? [])
        {
            Remember(request.RequestId, request.Outcome);
        }
    }
}
