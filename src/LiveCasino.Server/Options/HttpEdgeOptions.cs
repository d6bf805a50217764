namespace LiveCasino.Server.Options;

/// <summary>
/// Configuration section <c>LiveCasino:Http</c>: where the node listens, HTTPS, which browser
/// origins may call it, which proxies it trusts, and how large a request body may be.
/// </summary>
public sealed class HttpEdgeOptions
{
    public const string Section = "LiveCasino:Http";

    /// <summary>"localhost" (loopback only), "*" (every interface) or an IP address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Plain HTTP port; 0 turns plain HTTP off (then <see cref="HttpsPort"/> is required).</summary>
    public int Port { get; set; } = 5080;

    /// <summary>HTTPS port; null turns HTTPS off. Needs <see cref="CertificatePath"/>.</summary>
    public int? HttpsPort { get; set; }

    /// <summary>A PKCS#12 (.pfx) file, or a PEM certificate when <see cref="CertificateKeyPath"/> is set.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of the certificate (PEM only).</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Password of the .pfx or of an encrypted PEM key; better given by environment than in a file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Redirect plain HTTP to HTTPS and send HSTS (only when HTTPS is on).</summary>
    public bool RedirectToHttps { get; set; }

    /// <summary>
    /// Browser origins allowed to open hub WebSockets and to call the API cross-origin (CORS), exactly
    /// as the browser sends them ("https://casino.example"). Requests without an Origin header
    /// (non-browser clients) are not affected.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Reverse proxies whose X-Forwarded-For / -Proto are believed (IP addresses); none by default.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>Largest request body of an API call; bigger is refused with 413 before it is parsed.</summary>
    public int RequestBodyBytesMax { get; set; } = 16 * 1024;

    /// <summary>Largest settlement report an operator may upload for reconciliation.</summary>
    public int ReconciliationReportBytesMax { get; set; } = 8 * 1024 * 1024;

    /// <summary>Path prefix of the SignalR hubs; the origin allowlist is enforced under it.</summary>
    public string HubPathPrefix { get; set; } = "/hubs";

    /// <summary>The allowlist with the node's own default when none is configured.</summary>
    public IReadOnlyList<string> EffectiveOrigins() =>
        AllowedOrigins.Count > 0 ? [.. AllowedOrigins] : [$"http://localhost:{(Port > 0 ? Port : 5080)}", $"http://127.0.0.1:{(Port > 0 ? Port : 5080)}"];
}
