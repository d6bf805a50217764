namespace LiveCasino.Payments.Gateway;

/// <summary>What the provider said to one submission attempt.</summary>
public enum GatewayStatus
{
    /// <summary>Accepted (now or on an earlier attempt): the outcome follows by webhook.</summary>
    Accepted,

    /// <summary>Refused for good (invalid, or the operation id was used with other content): retrying will not help, and no money moved.</summary>
    Rejected,

    /// <summary>No answer we can rely on (5xx, timeout, connection refused): the request may or may not have arrived; retry with the same operation id.</summary>
    Unavailable,
}

/// <summary>
/// The answer of <see cref="IPaymentGateway"/> to one attempt. <see cref="ProviderReference"/> is set
/// when <see cref="Status"/> is <see cref="GatewayStatus.Accepted"/>.
/// </summary>
public sealed record GatewayResult(GatewayStatus Status, string? ProviderReference, string Detail)
{
    public static GatewayResult Accepted(string providerReference) => new(GatewayStatus.Accepted, providerReference, "accepted");

    public static GatewayResult Rejected(string detail) => new(GatewayStatus.Rejected, null, detail);

    public static GatewayResult Unavailable(string detail) => new(GatewayStatus.Unavailable, null, detail);
}
