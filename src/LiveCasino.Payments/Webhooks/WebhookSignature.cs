using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiveCasino.Payments.Webhooks;

/// <summary>
/// The webhook signature scheme, shared by the provider (signs) and us (verify). Header
/// <c>Payment-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;." + body)&gt;</c>.
/// Signing the timestamp with the body stops an attacker from replaying an old body with a fresh
/// timestamp; the receiver's tolerance window stops replaying the pair later.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The HTTP header carrying timestamp and signature(s).</summary>
    public const string HeaderName = "Payment-Signature";

    /// <summary>Scheme tag of the HMAC-SHA256 signature; several may appear during a secret rotation.</summary>
    public const string SchemeV1 = "v1";

    /// <summary>Shortest accepted secret, in bytes of UTF-8.</summary>
    public const int SecretBytesMin = 16;

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var unix = timestamp.ToUnixTimeSeconds();
        var mac = Compute(SecretBytes(secret), unix, body);
        return string.Create(CultureInfo.InvariantCulture, $"t={unix},{SchemeV1}={Convert.ToHexStringLower(mac)}");
    }

    /// <summary>HMAC-SHA256 over "<paramref name="unixSeconds"/>." followed by <paramref name="body"/>.</summary>
    internal static byte[] Compute(byte[] secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    internal static byte[] SecretBytes(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < SecretBytesMin)
        {
            throw new ArgumentException($"A webhook secret needs at least {SecretBytesMin} bytes.", nameof(secret));
        }

        return bytes;
    }
}
