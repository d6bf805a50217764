using System.Security.Claims;

namespace LiveCasino.Server.Accounts;

/// <summary>How a login ended; the API maps each to one response.</summary>
public enum LoginOutcome
{
    SignedIn,

    /// <summary>Unknown login, wrong secret or disabled account: one answer for all, so none is revealed.</summary>
    InvalidCredentials,

    /// <summary>Too many failures: wait <see cref="LoginResult.RetryAfter"/>.</summary>
    Locked,
}

public sealed record LoginResult(LoginOutcome Outcome, ClaimsPrincipal? Principal = null, TimeSpan RetryAfter = default);

public enum RefreshOutcome
{
    Refreshed,

    /// <summary>Unreadable, expired, or its session ended.</summary>
    Invalid,

    /// <summary>A spent refresh token: the session has been revoked.</summary>
    Reused,
}

public sealed record RefreshResult(RefreshOutcome Outcome, ClaimsPrincipal? Principal = null);

public enum RegisterOutcome
{
    Created,
    NameTaken,
    Invalid,
}

public sealed record RegisterResult(RegisterOutcome Outcome, AccountView? Account = null, string? Problem = null);

public enum ChangeSecretOutcome
{
    Changed,
    WrongPassword,
    Locked,
    Invalid,

    /// <summary>The password changed concurrently; nothing was changed by this call.</summary>
    Conflict,
}

public sealed record ChangeSecretResult(ChangeSecretOutcome Outcome, string? Problem = null, TimeSpan RetryAfter = default);
