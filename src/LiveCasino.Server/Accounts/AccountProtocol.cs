using LiveCasino.Actors.Core;

namespace LiveCasino.Server.Accounts;

/// <summary>
/// Everything an account actor accepts. Secrets arrive already hashed: hashing (~0.1 s of CPU)
/// happens outside the actor, so one account's mailbox never waits on PBKDF2. Every command is
/// answered with one <see cref="AccountReply"/>; refusals are outcomes, never exceptions.
/// </summary>
public abstract record AccountCommand(ActorRef<AccountReply> ReplyTo)
{
    /// <summary>Creates the account; <see cref="AccountOutcome.AlreadyExists"/> if this key has one.</summary>
    public sealed record Register(string AccountId, string LoginName, AccountRole Role, string? StudioId, string SecretHash, ActorRef<AccountReply> ReplyTo)
        : AccountCommand(ReplyTo);

    /// <summary>Reads the account with its secret hash (to verify a login) and credential version.</summary>
    public sealed record Get(ActorRef<AccountReply> ReplyTo) : AccountCommand(ReplyTo);

    /// <summary>
    /// Starts a session after a login verified the secret of <paramref name="CredentialVersion"/>;
    /// refused with <see cref="AccountOutcome.CredentialChanged"/> if the secret changed meanwhile.
    /// </summary>
    public sealed record StartSession(string SessionId, int CredentialVersion, ActorRef<AccountReply> ReplyTo) : AccountCommand(ReplyTo);

    /// <summary>
    /// Spends the refresh token of <paramref name="Generation"/>. The newest generation moves the
    /// session on by one; any older one is a reuse, and revokes the session.
    /// </summary>
    public sealed record RefreshSession(string SessionId, int Generation, ActorRef<AccountReply> ReplyTo) : AccountCommand(ReplyTo);

    /// <summary>Is the session active now? Read-only: the per-request check of every token.</summary>
    public sealed record CheckSession(string SessionId, ActorRef<AccountReply> ReplyTo) : AccountCommand(ReplyTo);

    /// <summary>Ends the session (log out).</summary>
    public sealed record EndSession(string SessionId, ActorRef<AccountReply> ReplyTo) : AccountCommand(ReplyTo);

    /// <summary>
    /// Replaces the secret if it is still at <paramref name="ExpectedCredentialVersion"/> (null: whatever it is).
    /// With <paramref name="EndOtherSessions"/> every session but <paramref name="KeepSessionId"/> ends.
    /// </summary>
    public sealed record ChangeSecret(
        int? ExpectedCredentialVersion, string SecretHash, bool Rehash, string? KeepSessionId, bool EndOtherSessions, SessionEndReason Reason, ActorRef<AccountReply> ReplyTo)
        : AccountCommand(ReplyTo);

    /// <summary>Disables the account and ends every session.</summary>
    public sealed record Disable(string Reason, ActorRef<AccountReply> ReplyTo) : AccountCommand(ReplyTo);
}

/// <summary>The answer to every <see cref="AccountCommand"/>.</summary>
public sealed record AccountReply(AccountOutcome Outcome, AccountView? Account, SessionView? Session = null, string? SecretHash = null)
{
    public bool IsOk => Outcome == AccountOutcome.Ok;
}

/// <summary>How an account command ended. Stable names.</summary>
public enum AccountOutcome
{
    Ok,

    /// <summary>No account has this key.</summary>
    NotFound,

    /// <summary>Register: the key already has an account.</summary>
    AlreadyExists,

    /// <summary>The account is disabled.</summary>
    Disabled,

    /// <summary>The secret changed since the caller read it.</summary>
    CredentialChanged,

    /// <summary>The session does not exist, expired or ended.</summary>
    SessionNotActive,

    /// <summary>A spent refresh token came back: the session is now revoked.</summary>
    RefreshReused,
}

/// <summary>An account as callers see it (no secret).</summary>
public sealed record AccountView(
    string AccountId, string LoginName, AccountRole Role, string? StudioId, DateTimeOffset RegisteredAt, bool Disabled, int CredentialVersion, int ActiveSessions);

/// <summary>One session of an account.</summary>
public sealed record SessionView(string SessionId, int Generation, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt);
