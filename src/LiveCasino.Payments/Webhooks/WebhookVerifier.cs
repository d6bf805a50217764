using System.Globalization;
using System.Security.Cryptography;

namespace LiveCasino.Payments.Webhooks;

/// <summary>
/// Checks a webhook's <see cref="WebhookSignature.HeaderName"/> header against the raw body: the
/// HMAC must match one of our secrets (compared in constant time, so response timing tells an
/// attacker nothing about how close a guess was) and the signed timestamp must lie within
/// <see cref="WebhookVerifierOptions.Tolerance"/> of our clock (so a captured request cannot be
/// replayed later). Thread-safe.
/// </summary>
public sealed class WebhookVerifier
{
    /// <summary>Longest header we parse; a longer one is malformed.</summary>
    public const int HeaderLengthMax = 1024;

    /// <summary>Most v1 signatures we check in one header.</summary>
    public const int SignaturesMax = 4;

    private const int MacBytes = 32;

    // 9999-12-31T23:59:59Z, the last second DateTimeOffset can hold.
    private const long UnixSecondsMax = 253_402_300_799;

    private readonly byte[][] _secrets;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    public WebhookVerifier(WebhookVerifierOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _secrets = [.. options.Secrets.Select(WebhookSignature.SecretBytes)];
        _tolerance = options.Tolerance;
        _time = time;
    }

    /// <summary>The verdict for <paramref name="body"/> (the exact bytes received) and its signature header.</summary>
    public WebhookVerification Verify(string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookVerification.MissingSignature;
        }

        if (!TryParse(signatureHeader, out var unixSeconds, out var signatures))
        {
            return WebhookVerification.Malformed;
        }

        var matched = false;
        foreach (var secret in _secrets)
        {
            var expected = WebhookSignature.Compute(secret, unixSeconds, body);
            foreach (var signature in signatures)
            {
                // Non-short-circuit OR: every candidate is compared, in constant time each.
                matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        if (!matched)
        {
            return WebhookVerification.WrongSignature;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        return age.Duration() <= _tolerance ? WebhookVerification.Valid : WebhookVerification.StaleTimestamp;
    }

    private static bool TryParse(string header, out long unixSeconds, out List<byte[]> signatures)
    {
        unixSeconds = 0;
        signatures = [];
        if (header.Length > HeaderLengthMax)
        {
            return false;
        }

        var sawTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var key = part[..eq];
            var value = part[(eq + 1)..];
            if (key == "t")
            {
                // Exactly one timestamp, plain digits (no sign, no spaces), within DateTimeOffset's range.
                if (sawTimestamp || value.Length is 0 or > 12 || !value.All(char.IsAsciiDigit)
                    || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds)
                    || unixSeconds > UnixSecondsMax)
                {
                    return false;
                }

                sawTimestamp = true;
            }
            else if (key == WebhookSignature.SchemeV1)
            {
                if (value.Length != MacBytes * 2 || !value.All(char.IsAsciiHexDigit) || signatures.Count == SignaturesMax)
                {
                    return false;
                }

                signatures.Add(Convert.FromHexString(value));
            }

            // Other schemes are ignored, so a provider may add a new one before we understand it.
        }

        return sawTimestamp && signatures.Count > 0;
    }
}
