namespace LiveCasino.Server.Options;

/// <summary>
/// Configuration section <c>LiveCasino:Security</c>: password hashing, token lifetimes, sessions,
/// failed-login throttling and the bootstrap operator.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "LiveCasino:Security";

    /// <summary>The floor OWASP gives for PBKDF2-HMAC-SHA512; lower values are refused at start-up.</summary>
    public const int PasswordIterationsMin = 210_000;

    /// <summary>PBKDF2 iterations of new password hashes; older hashes are upgraded at the next login.</summary>
    public int PasswordIterations { get; set; } = PasswordIterationsMin;

    public int PasswordLengthMin { get; set; } = 10;

    public int PasswordLengthMax { get; set; } = 128;

    /// <summary>Most password hashes computed at once (each costs ~0.1 s of one core); others wait.</summary>
    public int HashingConcurrencyMax { get; set; } = 4;

    /// <summary>Lifetime of an access token. It stays valid only while its session is active.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of a refresh token; each refresh issues a new one and spends the old.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Absolute lifetime of a session, whatever the refreshes.</summary>
    public TimeSpan SessionLifetimeMax { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most sessions of one account; a new one ends the oldest.</summary>
    public int SessionsPerAccountMax { get; set; } = 10;

    /// <summary>How long a session check (one actor ask per request) may take before the request is refused.</summary>
    public TimeSpan SessionCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public LockoutOptions Lockout { get; set; } = new();

    public BootstrapOperatorOptions BootstrapOperator { get; set; } = new();
}
