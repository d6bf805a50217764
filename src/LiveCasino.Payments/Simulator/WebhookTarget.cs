namespace LiveCasino.Payments.Simulator;

/// <summary>Where the simulated provider posts notifications and the secret it signs them with.</summary>
public sealed record WebhookTarget(Uri Url, string Secret)
{
    /// <summary>Throws <see cref="ArgumentException"/> when the URL is not absolute http(s) or the secret is too short.</summary>
    public WebhookTarget Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("A webhook URL must be an absolute http(s) URI.", nameof(Url));
        }

        _ = Webhooks.WebhookSignature.SecretBytes(Secret);
        return this;
    }
}
