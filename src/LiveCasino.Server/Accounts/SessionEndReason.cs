namespace LiveCasino.Server.Accounts;

/// <summary>Why a session ended. Persisted by name.</summary>
public enum SessionEndReason
{
    /// <summary>The user logged out.</summary>
    LoggedOut,

    /// <summary>A refresh token was presented a second time: it was stolen or replayed, so the session is revoked.</summary>
    RefreshReused,

    /// <summary>The password changed and the user asked to end the other sessions.</summary>
    PasswordChanged,

    /// <summary>The account reached its session limit; the oldest session made room.</summary>
    Evicted,

    /// <summary>The account was disabled (a console revoked by an operator).</summary>
    Disabled,

    /// <summary>A console's key was rotated.</summary>
    SecretRotated,
}
