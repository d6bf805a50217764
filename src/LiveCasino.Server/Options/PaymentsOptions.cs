namespace LiveCasino.Server.Options;

/// <summary>
/// Configuration section <c>LiveCasino:Payments</c>. In demo mode (the default) the node runs the
/// simulated provider in-process on a loopback port, with a secret made at start-up, so deposits
/// and withdrawals work out of the box. Otherwise it talks to <see cref="ProviderBaseAddress"/> and
/// accepts webhooks at <see cref="WebhookPath"/> signed with one of <see cref="WebhookSecrets"/>.
/// </summary>
public sealed class PaymentsOptions
{
    public const string Section = "LiveCasino:Payments";

    public bool Demo { get; set; } = true;

    public Uri? ProviderBaseAddress { get; set; }

    public IList<string> WebhookSecrets { get; } = [];

    public string WebhookPath { get; set; } = "/webhooks/payments";

    /// <summary>Attempts to submit to the provider before the payment waits for an operator.</summary>
    public int SubmitAttempts { get; set; } = 5;

    public TimeSpan RetryDelayInitial { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public DemoProviderOptions DemoProvider { get; set; } = new();
}
