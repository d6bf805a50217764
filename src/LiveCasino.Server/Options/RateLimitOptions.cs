namespace LiveCasino.Server.Options;

/// <summary>
/// Configuration section <c>LiveCasino:RateLimits</c>: fixed windows per client, answered 429 with
/// Retry-After when spent. "Auth" covers register, login, refresh and console login (per client
/// address); "Api" covers every other API call (per account when signed in, else per address).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "LiveCasino:RateLimits";

    public int AuthPermits { get; set; } = 20;

    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    public int ApiPermits { get; set; } = 600;

    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);
}
