namespace LiveCasino.Payments.Webhooks;

/// <summary>Options of <see cref="WebhookVerifier"/>.</summary>
public sealed class WebhookVerifierOptions
{
    /// <summary>Most secrets accepted at once (the current one and those being rotated out).</summary>
    public const int SecretsMax = 4;

    /// <summary>Widest accepted tolerance: past it a replay window is too generous.</summary>
    public static readonly TimeSpan ToleranceMax = TimeSpan.FromHours(1);

    /// <summary>Shared secrets; a signature made with any of them is valid (rotation: add the new, later drop the old).</summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];

    /// <summary>How far the signed timestamp may be from our clock, either way.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public WebhookVerifierOptions Validate()
    {
        if (Secrets is null || Secrets.Count == 0 || Secrets.Count > SecretsMax)
        {
            throw new ArgumentException($"WebhookVerifierOptions.Secrets needs 1 to {SecretsMax} secrets.", nameof(Secrets));
        }

        foreach (var secret in Secrets)
        {
            _ = WebhookSignature.SecretBytes(secret);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Tolerance, TimeSpan.FromSeconds(1), nameof(Tolerance));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Tolerance, ToleranceMax, nameof(Tolerance));
        return this;
    }
}
