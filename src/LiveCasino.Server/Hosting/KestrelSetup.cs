using System.Net;
using System.Security.Cryptography.X509Certificates;
using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Hosting;

/// <summary>
/// Kestrel from <see cref="HttpEdgeOptions"/>: plain HTTP on <c>Port</c>, HTTPS on <c>HttpsPort</c>
/// with the configured certificate (.pfx, or PEM certificate + key), on localhost, every interface or
/// one address; no Server header; the request body cap is the largest endpoint limit (the
/// body-limit middleware applies the per-endpoint one).
/// </summary>
internal sealed class KestrelSetup(IOptions<HttpEdgeOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        var o = options.Value;
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = Math.Max(o.RequestBodyBytesMax, o.ReconciliationReportBytesMax);
        if (o.Port > 0)
        {
            Listen(kestrel, o.Host, o.Port, null);
        }

        if (o.HttpsPort is { } https)
        {
            var certificate = LoadCertificate(o);
            Listen(kestrel, o.Host, https, l => l.UseHttps(certificate));
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions>? configure)
    {
        configure ??= _ => { };
        switch (host)
        {
            case "localhost":
                kestrel.ListenLocalhost(port, configure);
                break;
            case "*":
                kestrel.ListenAnyIP(port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(host), port, configure);
                break;
        }
    }

    private static X509Certificate2 LoadCertificate(HttpEdgeOptions o)
    {
        var path = o.CertificatePath!;
        if (o.CertificateKeyPath is { } key)
        {
            return string.IsNullOrEmpty(o.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(path, key)
                : X509Certificate2.CreateFromEncryptedPemFile(path, o.CertificatePassword, key);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, o.CertificatePassword);
    }
}
