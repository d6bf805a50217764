using System.Text;
using LiveCasino.Payments.Webhooks;
using LiveCasino.TestKit;

namespace LiveCasino.Payments.Tests;

public sealed class WebhookVerifierTests
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"evt_1","amountMinor":1000}""");
    private readonly FakeTimeProvider _time = new();

    private WebhookVerifier Verifier(params string[] secrets) =>
        new(new WebhookVerifierOptions { Secrets = secrets.Length == 0 ? [Secret] : secrets, Tolerance = TimeSpan.FromMinutes(5) }, _time);

    [Fact]
    public void A_signature_made_with_the_shared_secret_now_is_valid()
    {
        var header = WebhookSignature.Sign(Secret, _time.GetUtcNow(), Body);

        Assert.Equal(WebhookVerification.Valid, Verifier().Verify(header, Body));
    }

    [Fact]
    public void The_signature_covers_timestamp_dot_body_as_HMAC_SHA256_hex()
    {
        // Independent computation of the documented scheme.
        var t = _time.GetUtcNow().ToUnixTimeSeconds();
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.ASCII.GetBytes($"{t}."), .. Body]));

        Assert.Equal($"t={t},v1={expected}", WebhookSignature.Sign(Secret, _time.GetUtcNow(), Body));
    }

    [Fact]
    public void Missing_header_is_rejected()
    {
        Assert.Equal(WebhookVerification.MissingSignature, Verifier().Verify(null, Body));
        Assert.Equal(WebhookVerification.MissingSignature, Verifier().Verify("", Body));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_rejected()
    {
        var header = WebhookSignature.Sign("whsec_attacker_guess_0000", _time.GetUtcNow(), Body);

        Assert.Equal(WebhookVerification.WrongSignature, Verifier().Verify(header, Body));
    }

    [Fact]
    public void A_body_changed_after_signing_is_rejected()
    {
        var header = WebhookSignature.Sign(Secret, _time.GetUtcNow(), Body);
        var tampered = Encoding.UTF8.GetBytes("""{"eventId":"evt_1","amountMinor":9000}""");

        Assert.Equal(WebhookVerification.WrongSignature, Verifier().Verify(header, tampered));
    }

    [Fact]
    public void A_timestamp_changed_after_signing_is_rejected()
    {
        var header = WebhookSignature.Sign(Secret, _time.GetUtcNow(), Body);
        var t = _time.GetUtcNow().ToUnixTimeSeconds();
        var replayed = header.Replace($"t={t}", $"t={t + 60}", StringComparison.Ordinal);

        Assert.Equal(WebhookVerification.WrongSignature, Verifier().Verify(replayed, Body));
    }

    [Fact]
    public void A_correct_signature_older_than_the_tolerance_is_stale()
    {
        var header = WebhookSignature.Sign(Secret, _time.GetUtcNow(), Body);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(WebhookVerification.Valid, Verifier().Verify(header, Body));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(WebhookVerification.StaleTimestamp, Verifier().Verify(header, Body));
    }

    [Fact]
    public void A_correct_signature_from_too_far_in_the_future_is_stale()
    {
        var header = WebhookSignature.Sign(Secret, _time.GetUtcNow().AddMinutes(6), Body);

        Assert.Equal(WebhookVerification.StaleTimestamp, Verifier().Verify(header, Body));
    }

    [Theory]
    [InlineData("v1=00")]
    [InlineData("t=1767268800")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-5,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1,t=2,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1767268800,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1767268800,v1=00")]
    [InlineData("t=999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("garbage")]
    public void Malformed_headers_are_rejected(string header)
    {
        Assert.Equal(WebhookVerification.Malformed, Verifier().Verify(header, Body));
    }

    [Fact]
    public void During_a_rotation_either_secret_is_accepted_and_several_signatures_may_be_sent()
    {
        const string next = "whsec_next_fedcba9876543210";
        var verifier = Verifier(Secret, next);
        var byOld = WebhookSignature.Sign(Secret, _time.GetUtcNow(), Body);
        var byNew = WebhookSignature.Sign(next, _time.GetUtcNow(), Body);
        var both = byOld + "," + byNew[byNew.IndexOf("v1=", StringComparison.Ordinal)..];

        Assert.Equal(WebhookVerification.Valid, verifier.Verify(byOld, Body));
        Assert.Equal(WebhookVerification.Valid, verifier.Verify(byNew, Body));
        Assert.Equal(WebhookVerification.Valid, verifier.Verify(both, Body));
        Assert.Equal(WebhookVerification.WrongSignature, Verifier(next).Verify(byOld, Body));
    }

    [Fact]
    public void Short_secrets_and_wide_tolerances_are_refused_at_start_up()
    {
        Assert.Throws<ArgumentException>(() => Verifier("short"));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new WebhookVerifier(new WebhookVerifierOptions { Secrets = [Secret], Tolerance = TimeSpan.FromHours(2) }, _time));
    }
}
