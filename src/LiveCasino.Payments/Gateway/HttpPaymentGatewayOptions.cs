namespace LiveCasino.Payments.Gateway;

/// <summary>Options of <see cref="HttpPaymentGateway"/>.</summary>
public sealed class HttpPaymentGatewayOptions
{
    /// <summary>Longest accepted per-attempt timeout: past it a hung provider should count as down.</summary>
    public static readonly TimeSpan AttemptTimeoutMax = TimeSpan.FromMinutes(2);

    /// <summary>The provider's API root, e.g. <c>http://127.0.0.1:5090/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one attempt may take before it counts as <see cref="GatewayStatus.Unavailable"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public HttpPaymentGatewayOptions Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("HttpPaymentGatewayOptions.BaseAddress must be an absolute http(s) URI.", nameof(BaseAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(AttemptTimeout, TimeSpan.FromMilliseconds(1), nameof(AttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AttemptTimeout, AttemptTimeoutMax, nameof(AttemptTimeout));
        return this;
    }
}
