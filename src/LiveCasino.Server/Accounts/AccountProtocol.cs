using LiveCasino.Sharding;

namespace LiveCasino.Server.Accounts;

/// <summary>What crosses the account region (commands and replies); bound to LiveCasino's serializer.</summary>
public interface IAccountMessage;

/// <summary>
/// Everything an account entity accepts, sent to the account region with <see cref="EntityAsk"/>.
/// Every command that changes the account carries a caller-made id (Register its AccountId,
/// StartSession its SessionId, the others a RequestId): a retry with the same id is answered with
/// the first answer's outcome and changes nothing.
/// Secrets arrive already hashed: hashing (~0.1 s of CPU) happens outside the actor, so one
/// account's mailbox never waits on PBKDF2. Every command is answered to its sender with one
/// <see cref="AccountReply"/>; refusals are outcomes, never exceptions.
/// </summary>
public abstract record AccountCommand : IAccountMessage
{
    /// <summary>Creates the account; <see cref="AccountOutcome.AlreadyExists"/> if this key has one.</summary>
    public sealed record Register(string AccountId, string LoginName, AccountRole Role, string? StudioId, string SecretHash) : AccountCommand;

    /// <summary>Reads the account with its secret hash (to verify a login) and credential version.</summary>
    public sealed record Get : AccountCommand;

    /// <summary>
    /// Starts a session after a login verified the secret of <paramref name="CredentialVersion"/>;
    /// refused with <see cref="AccountOutcome.CredentialChanged"/> if the secret changed meanwhile.
    /// </summary>
    public sealed record StartSession(string SessionId, int CredentialVersion) : AccountCommand;

    /// <summary>
    /// Spends the refresh token of <paramref name="Generation"/>. The newest generation moves the
    /// session on by one; any older one is a reuse, and revokes the session.
    /// </summary>
    public sealed record RefreshSession(string RequestId, string SessionId, int Generation) : AccountCommand;

    /// <summary>Is the session active now? Read-only: the per-request check of every token.</summary>
    public sealed record CheckSession(string SessionId) : AccountCommand;

    /// <summary>Ends the session (log out).</summary>
    public sealed record EndSession(string RequestId, string SessionId) : AccountCommand;

    /// <summary>
    /// Replaces the secret if it is still at <paramref name="ExpectedCredentialVersion"/> (null: whatever it is).
    /// With <paramref name="EndOtherSessions"/> every session but <paramref name="KeepSessionId"/> ends.
    /// </summary>
    public sealed record ChangeSecret(
        string RequestId, int? ExpectedCredentialVersion, string SecretHash, bool Rehash, string? KeepSessionId, bool EndOtherSessions, SessionEndReason Reason) : AccountCommand;

    /// <summary>Disables the account and ends every session.</summary>
    public sealed record Disable(string RequestId, string Reason) : AccountCommand;
}

/// <summary>The answer to every <see cref="AccountCommand"/>.</summary>
public sealed record AccountReply(AccountOutcome Outcome, AccountView? Account, SessionView? Session = null, string? SecretHash = null) : IAccountMessage
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
