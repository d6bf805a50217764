namespace LiveCasino.Server.Accounts;

/// <summary>
/// What happened to an account, persisted in its journal under stable manifests
/// ("account.&lt;name&gt;.v1", see <see cref="AccountSerialization"/>). Extend-only. Each event
/// carries its moment (<paramref name="At"/>, from the actor's clock) so replay prunes expired
/// sessions exactly as the live run did.
/// </summary>
public abstract record AccountEvent(DateTimeOffset At)
{
    /// <summary>The caller's id of the command that made this event (absent in events written before ids existed).</summary>
    public string? RequestId { get; init; }
}

/// <summary>The account was created. <paramref name="StudioId"/> is set for dealer consoles only.</summary>
public sealed record AccountRegistered(string AccountId, string LoginName, AccountRole Role, string? StudioId, string SecretHash, DateTimeOffset At)
    : AccountEvent(At);

/// <summary>
/// The password or console key changed (or its hash was upgraded to more iterations). The
/// credential version goes up, so a login that verified the old secret cannot start a session.
/// </summary>
public sealed record SecretChanged(string SecretHash, bool Rehash, DateTimeOffset At) : AccountEvent(At);

/// <summary>A session started; it ends at <paramref name="ExpiresAt"/> at the latest.</summary>
public sealed record SessionStarted(string SessionId, DateTimeOffset ExpiresAt, DateTimeOffset At) : AccountEvent(At);

/// <summary>The session's refresh token was spent; only generation <paramref name="Generation"/> may refresh now.</summary>
public sealed record SessionRefreshed(string SessionId, int Generation, DateTimeOffset At) : AccountEvent(At);

public sealed record SessionEnded(string SessionId, SessionEndReason Reason, DateTimeOffset At) : AccountEvent(At);

/// <summary>The account can no longer log in; every session ended with it.</summary>
public sealed record AccountDisabled(string Reason, DateTimeOffset At) : AccountEvent(At);

/// <summary>The whole state of an account, for snapshots.</summary>
public sealed record AccountSnapshot(
    string AccountId,
    string LoginName,
    AccountRole Role,
    string? StudioId,
    string SecretHash,
    int CredentialVersion,
    bool Disabled,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<SessionSnapshot> Sessions)
{
    /// <summary>The most recent request ids and their outcomes (see <see cref="AccountState.RequestsRemembered"/>).</summary>
    public IReadOnlyList<RequestOutcome>? Requests { get; init; }
}

/// <summary>How a request ended, remembered so its retry gets the same answer.</summary>
public sealed record RequestOutcome(string RequestId, AccountOutcome Outcome);

public sealed record SessionSnapshot(string SessionId, int Generation, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);
