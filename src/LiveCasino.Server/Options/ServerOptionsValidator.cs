using System.Net;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Options;

/// <summary>
/// Start-up validation of the server's sections: a wrong value stops the node before it listens,
/// with a message naming the key (e.g. "LiveCasino:Security:PasswordIterations").
/// </summary>
public sealed class ServerOptionsValidator :
    IValidateOptions<HttpEdgeOptions>,
    IValidateOptions<SecurityOptions>,
    IValidateOptions<RateLimitOptions>,
    IValidateOptions<HubLimitsOptions>,
    IValidateOptions<WalletApiOptions>,
    IValidateOptions<PaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpEdgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors(HttpEdgeOptions.Section);
        e.Check(options.Host == "localhost" || options.Host == "*" || IPAddress.TryParse(options.Host, out _), "Host", "must be localhost, * or an IP address");
        e.Check(options.Port is >= 0 and <= 65_535, "Port", "must be 0 (off) to 65535");
        e.Check(options.HttpsPort is null or (> 0 and <= 65_535), "HttpsPort", "must be 1 to 65535");
        e.Check(options.Port > 0 || options.HttpsPort is not null, "Port", "is 0 and HttpsPort is not set: the node would not listen at all");
        e.Check(options.HttpsPort is null || options.Port != options.HttpsPort, "HttpsPort", "must differ from Port");
        if (options.HttpsPort is not null)
        {
            e.Check(!string.IsNullOrWhiteSpace(options.CertificatePath), "CertificatePath", "is required when HttpsPort is set");
            e.Check(string.IsNullOrWhiteSpace(options.CertificatePath) || File.Exists(options.CertificatePath), "CertificatePath", $"'{options.CertificatePath}' does not exist");
            e.Check(options.CertificateKeyPath is null || File.Exists(options.CertificateKeyPath), "CertificateKeyPath", $"'{options.CertificateKeyPath}' does not exist");
        }

        e.Check(!options.RedirectToHttps || options.HttpsPort is not null, "RedirectToHttps", "needs HttpsPort");
        foreach (var origin in options.AllowedOrigins)
        {
            e.Check(IsOrigin(origin), "AllowedOrigins", $"'{origin}' is not an origin (scheme://host[:port], nothing after)");
        }

        e.Check(options.AllowedOrigins.Count <= 100, "AllowedOrigins", "holds at most 100 origins");
        foreach (var proxy in options.TrustedProxies)
        {
            e.Check(IPAddress.TryParse(proxy, out _), "TrustedProxies", $"'{proxy}' is not an IP address");
        }

        e.Check(options.RequestBodyBytesMax is >= 1024 and <= 1024 * 1024, "RequestBodyBytesMax", "must be 1 KiB to 1 MiB");
        e.Check(options.ReconciliationReportBytesMax is >= 1024 and <= 256 * 1024 * 1024, "ReconciliationReportBytesMax", "must be 1 KiB to 256 MiB");
        e.Check(options.HubPathPrefix is { Length: > 1 } p && p[0] == '/' && p[^1] != '/', "HubPathPrefix", "must start with '/' and not end with one");
        return e.Result();
    }

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors(SecurityOptions.Section);
        e.Check(options.PasswordIterations is >= SecurityOptions.PasswordIterationsMin and <= 10_000_000, "PasswordIterations", $"must be {SecurityOptions.PasswordIterationsMin:N0} (OWASP's PBKDF2-HMAC-SHA512 floor) to 10,000,000");
        e.Check(options.PasswordLengthMin is >= 8 and <= 64, "PasswordLengthMin", "must be 8 to 64");
        e.Check(options.PasswordLengthMax >= options.PasswordLengthMin && options.PasswordLengthMax <= 1024, "PasswordLengthMax", "must be PasswordLengthMin to 1024");
        e.Check(options.HashingConcurrencyMax is >= 1 and <= 256, "HashingConcurrencyMax", "must be 1 to 256");
        e.Check(options.AccessTokenLifetime >= TimeSpan.FromSeconds(30) && options.AccessTokenLifetime <= TimeSpan.FromHours(24), "AccessTokenLifetime", "must be 30 s to 24 h");
        e.Check(options.RefreshTokenLifetime >= options.AccessTokenLifetime && options.RefreshTokenLifetime <= TimeSpan.FromDays(90), "RefreshTokenLifetime", "must be AccessTokenLifetime to 90 days");
        e.Check(options.SessionLifetimeMax >= options.AccessTokenLifetime && options.SessionLifetimeMax <= TimeSpan.FromDays(365), "SessionLifetimeMax", "must be AccessTokenLifetime to 365 days");
        e.Check(options.SessionsPerAccountMax is >= 1 and <= 100, "SessionsPerAccountMax", "must be 1 to 100");
        e.Check(options.SessionCheckTimeout >= TimeSpan.FromMilliseconds(10) && options.SessionCheckTimeout <= TimeSpan.FromMinutes(1), "SessionCheckTimeout", "must be 10 ms to 1 minute");
        var l = options.Lockout;
        e.Check(l.FreeFailures is >= 1 and <= 100, "Lockout:FreeFailures", "must be 1 to 100");
        e.Check(l.AccountFreeFailures >= l.FreeFailures && l.AccountFreeFailures <= 10_000, "Lockout:AccountFreeFailures", "must be FreeFailures to 10000");
        e.Check(l.BackoffInitial >= TimeSpan.FromSeconds(1) && l.BackoffInitial <= TimeSpan.FromHours(1), "Lockout:BackoffInitial", "must be 1 s to 1 h");
        e.Check(l.BackoffMax >= l.BackoffInitial && l.BackoffMax <= TimeSpan.FromDays(1), "Lockout:BackoffMax", "must be BackoffInitial to 1 day (a lock must end)");
        e.Check(l.ForgetAfter >= l.BackoffMax && l.ForgetAfter <= TimeSpan.FromDays(7), "Lockout:ForgetAfter", "must be BackoffMax to 7 days");
        e.Check(l.TrackedMax is >= 100 and <= 10_000_000, "Lockout:TrackedMax", "must be 100 to 10,000,000");
        e.Check(l.TrustedAddressesPerLogin is >= 0 and <= 64, "Lockout:TrustedAddressesPerLogin", "must be 0 to 64");
        var b = options.BootstrapOperator;
        e.Check(string.IsNullOrEmpty(b.Username) || Security.LoginNames.IsValidUsername(b.Username), "BootstrapOperator:Username", Security.LoginNames.UsernameRule);
        e.Check(string.IsNullOrEmpty(b.Password) || (b.Password.Length >= options.PasswordLengthMin && b.Password.Length <= options.PasswordLengthMax), "BootstrapOperator:Password", "must respect PasswordLengthMin/Max");
        e.Check(string.IsNullOrEmpty(b.Password) || string.IsNullOrEmpty(b.Username) || !b.Password.Contains(b.Username, StringComparison.OrdinalIgnoreCase), "BootstrapOperator:Password", "must not contain the username");
        return e.Result();
    }

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors(RateLimitOptions.Section);
        e.Check(options.AuthPermits is >= 1 and <= 1_000_000, "AuthPermits", "must be 1 to 1,000,000");
        e.Check(options.ApiPermits is >= 1 and <= 10_000_000, "ApiPermits", "must be 1 to 10,000,000");
        e.Check(options.AuthWindow >= TimeSpan.FromSeconds(1) && options.AuthWindow <= TimeSpan.FromDays(1), "AuthWindow", "must be 1 s to 1 day");
        e.Check(options.ApiWindow >= TimeSpan.FromSeconds(1) && options.ApiWindow <= TimeSpan.FromDays(1), "ApiWindow", "must be 1 s to 1 day");
        return e.Result();
    }

    public ValidateOptionsResult Validate(string? name, HubLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors(HubLimitsOptions.Section);
        e.Check(options.MessageBytesMax is >= 1024 and <= 1024 * 1024, "MessageBytesMax", "must be 1 KiB to 1 MiB");
        e.Check(options.MessagesPerSecond is >= 1 and <= 10_000, "MessagesPerSecond", "must be 1 to 10000");
        e.Check(options.MessageBurst >= options.MessagesPerSecond && options.MessageBurst <= 100_000, "MessageBurst", "must be MessagesPerSecond to 100000");
        e.Check(options.BetsPerSecond is >= 1 and <= 10_000, "BetsPerSecond", "must be 1 to 10000");
        e.Check(options.BetBurst >= options.BetsPerSecond && options.BetBurst <= 100_000, "BetBurst", "must be BetsPerSecond to 100000");
        e.Check(options.OutgoingBufferMax is >= 1 and <= 100_000, "OutgoingBufferMax", "must be 1 to 100000");
        e.Check(options.ConnectionsPerAccountMax is >= 1 and <= 1_000, "ConnectionsPerAccountMax", "must be 1 to 1000");
        e.Check(options.SessionRecheckInterval >= TimeSpan.FromSeconds(1) && options.SessionRecheckInterval <= TimeSpan.FromHours(1), "SessionRecheckInterval", "must be 1 s to 1 h");
        return e.Result();
    }

    public ValidateOptionsResult Validate(string? name, WalletApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors(WalletApiOptions.Section);
        e.Check(options.Currency is { Length: 3 } c && c.All(char.IsAsciiLetterUpper), "Currency", "must be three upper-case letters (ISO 4217)");
        e.Check(options.DepositMinorMax is >= 1 and <= 1_000_000_000_000, "DepositMinorMax", "must be 1 to 10^12");
        e.Check(options.WithdrawalMinorMax is >= 1 and <= 1_000_000_000_000, "WithdrawalMinorMax", "must be 1 to 10^12");
        e.Check(options.HistoryPageSizeMax is >= 1 and <= 500, "HistoryPageSizeMax", "must be 1 to 500 (the read side's page limit)");
        e.Check(options.IdleTimeout >= TimeSpan.FromSeconds(1) && options.IdleTimeout <= TimeSpan.FromDays(1), "IdleTimeout", "must be 1 s to 1 day");
        e.Check(options.AskTimeout >= TimeSpan.FromMilliseconds(10) && options.AskTimeout <= TimeSpan.FromMinutes(1), "AskTimeout", "must be 10 ms to 1 minute");
        return e.Result();
    }

    public ValidateOptionsResult Validate(string? name, PaymentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var e = new Errors(PaymentsOptions.Section);
        if (!options.Demo)
        {
            e.Check(options.ProviderBaseAddress is { IsAbsoluteUri: true } u && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps), "ProviderBaseAddress", "must be an absolute http(s) URI when Demo is false");
            e.Check(options.WebhookSecrets.Count is >= 1 and <= 4, "WebhookSecrets", "needs 1 to 4 secrets when Demo is false");
            e.Check(options.WebhookSecrets.All(s => System.Text.Encoding.UTF8.GetByteCount(s) >= 16), "WebhookSecrets", "each secret needs at least 16 bytes");
        }

        e.Check(options.WebhookPath is { Length: > 1 } p && p[0] == '/', "WebhookPath", "must start with '/'");
        e.Check(options.SubmitAttempts is >= 1 and <= 100, "SubmitAttempts", "must be 1 to 100");
        e.Check(options.RetryDelayInitial >= TimeSpan.FromMilliseconds(1) && options.RetryDelayMax >= options.RetryDelayInitial && options.RetryDelayMax <= TimeSpan.FromMinutes(10), "RetryDelayInitial", "and RetryDelayMax must satisfy 1 ms <= initial <= max <= 10 min");
        e.Check(options.ProviderTimeout >= TimeSpan.FromMilliseconds(10) && options.ProviderTimeout <= TimeSpan.FromMinutes(2), "ProviderTimeout", "must be 10 ms to 2 minutes");
        var d = options.DemoProvider;
        e.Check(d.SuccessRate is >= 0 and <= 1, "DemoProvider:SuccessRate", "must be 0 to 1");
        e.Check(d.DuplicateProbability is >= 0 and <= 1, "DemoProvider:DuplicateProbability", "must be 0 to 1");
        e.Check(d.ReorderProbability is >= 0 and <= 1, "DemoProvider:ReorderProbability", "must be 0 to 1");
        e.Check(d.ProcessingDelayMin >= TimeSpan.Zero && d.ProcessingDelayMax >= d.ProcessingDelayMin && d.ProcessingDelayMax <= TimeSpan.FromHours(1), "DemoProvider:ProcessingDelayMax", "must satisfy 0 <= min <= max <= 1 h");
        e.Check(d.ReorderDelay >= TimeSpan.Zero && d.ReorderDelay <= TimeSpan.FromHours(1), "DemoProvider:ReorderDelay", "must be 0 to 1 h");
        return e.Result();
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var u)
        && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
        && origin.TrimEnd('/').Equals(u.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    private sealed class Errors(string section)
    {
        private readonly List<string> _errors = [];

        public void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                _errors.Add($"{section}:{key} {rule}.");
            }
        }

        public ValidateOptionsResult Result() => _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
    }
}
