namespace LiveCasino.Payments.Webhooks;

/// <summary>Options of <see cref="PaymentWebhookHandler"/> and its endpoint.</summary>
public sealed class PaymentWebhookOptions
{
    /// <summary>Prefix of the wallet operation ids made from provider event ids ("psp:evt_123").</summary>
    public string OperationIdPrefix { get; set; } = "psp:";

    /// <summary>Largest webhook body accepted; a larger one is answered 413 unread.</summary>
    public int BodyBytesMax { get; set; } = 64 * 1024;

    /// <summary>How many recent anomalies are kept for the operator (oldest dropped first).</summary>
    public int AnomaliesMax { get; set; } = 1_000;

    /// <summary>How long one wallet ask may take before the webhook is answered 503.</summary>
    public TimeSpan WalletTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public PaymentWebhookOptions Validate()
    {
        if (string.IsNullOrEmpty(OperationIdPrefix) || OperationIdPrefix.Length > 16)
        {
            throw new ArgumentException("PaymentWebhookOptions.OperationIdPrefix must be 1 to 16 characters.", nameof(OperationIdPrefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BodyBytesMax, 1024, nameof(BodyBytesMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BodyBytesMax, 1024 * 1024, nameof(BodyBytesMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(AnomaliesMax, 1, nameof(AnomaliesMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AnomaliesMax, 100_000, nameof(AnomaliesMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(WalletTimeout, TimeSpan.FromMilliseconds(1), nameof(WalletTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WalletTimeout, TimeSpan.FromMinutes(1), nameof(WalletTimeout));
        return this;
    }
}
