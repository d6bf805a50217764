namespace LiveCasino.Server.Options;

/// <summary>
/// Failed-login throttling (<c>LiveCasino:Security:Lockout</c>). Failures are counted per
/// (login, client address) and per login across all addresses. Past the free failures each new
/// failure locks for <see cref="BackoffInitial"/> doubled per failure, capped at
/// <see cref="BackoffMax"/>: a lock always expires. The login-wide lock never applies to a client
/// address that logged in to that account successfully before, so others' failures cannot keep
/// the owner out. See docs/security.md.
/// </summary>
public sealed class LockoutOptions
{
    /// <summary>Failures from one client address on one login before the first lock.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>Failures on one login from all addresses together before the login-wide lock.</summary>
    public int AccountFreeFailures { get; set; } = 20;

    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A counter with no failure for this long starts again from zero.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most counters kept in memory (the oldest idle ones are dropped first).</summary>
    public int TrackedMax { get; set; } = 100_000;

    /// <summary>Client addresses remembered per login as "logged in here before" (exempt from the login-wide lock).</summary>
    public int TrustedAddressesPerLogin { get; set; } = 8;
}
