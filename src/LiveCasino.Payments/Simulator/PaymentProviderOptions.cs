namespace LiveCasino.Payments.Simulator;

/// <summary>
/// Options of <see cref="PaymentProviderSimulator"/>. Every random choice (outcome, delays,
/// duplicates, reordering, retry jitter) is drawn from <see cref="Seed"/> and the payment's
/// operation id, so a run is reproducible whatever order requests arrive in.
/// </summary>
public sealed class PaymentProviderOptions
{
    /// <summary>Most payments the simulator keeps; past it new requests get 503 "capacity".</summary>
    public const int PaymentsMaxLimit = 1_000_000;

    public int Seed { get; set; } = 1;

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one (see <see cref="PaymentProviderSimulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>Where webhooks go at start; null sends none until <see cref="PaymentProviderSimulator.Webhook"/> is set (outcomes are still decided and reported).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The HMAC secret shared with the receiver.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>Probability that a payment completes; the others fail (declined deposit, refused payout).</summary>
    public double SuccessRate { get; set; } = 0.9;

    /// <summary>Reasons a failed payment gives, one drawn per failure.</summary>
    public IReadOnlyList<string> DeclineReasons { get; set; } = ["insufficient_funds", "card_declined", "account_closed"];

    /// <summary>Time between acceptance and the outcome, drawn uniformly in [min, max].</summary>
    public TimeSpan ProcessingDelayMin { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan ProcessingDelayMax { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Probability that a notification is also sent a second time (same event id).</summary>
    public double DuplicateProbability { get; set; } = 0.1;

    /// <summary>Probability that a notification is held back by <see cref="ReorderDelay"/> so later ones overtake it.</summary>
    public double ReorderProbability { get; set; } = 0.1;

    public TimeSpan ReorderDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First retry delay of a webhook not answered 2xx; doubles each attempt up to <see cref="RetryDelayMax"/>, plus up to 20 % seeded jitter.</summary>
    public TimeSpan RetryDelayInitial { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan RetryDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per delivery before the provider gives up on it (counted in <see cref="ProviderStats.DeliveriesAbandoned"/>).</summary>
    public int DeliveryAttemptsMax { get; set; } = 20;

    /// <summary>How long one webhook attempt may take before it counts as failed.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most payments kept.</summary>
    public int PaymentsMax { get; set; } = 100_000;

    /// <summary>Most deliveries (including retries waiting) at once; past it a notification is abandoned and counted.</summary>
    public int DeliveriesInFlightMax { get; set; } = 10_000;

    /// <summary>The fault at start; change it later with <see cref="PaymentProviderSimulator.Fault"/> or <c>POST /admin/fault/{mode}</c>.</summary>
    public ProviderFault Fault { get; set; } = ProviderFault.None;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public PaymentProviderOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65_535, nameof(Port));
        if (WebhookUrl is not null)
        {
            new WebhookTarget(WebhookUrl, WebhookSecret).Validate();
        }

        Probability(SuccessRate, nameof(SuccessRate));
        Probability(DuplicateProbability, nameof(DuplicateProbability));
        Probability(ReorderProbability, nameof(ReorderProbability));
        if (DeclineReasons is null || DeclineReasons.Count == 0 || DeclineReasons.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("PaymentProviderOptions.DeclineReasons needs at least one non-blank reason.", nameof(DeclineReasons));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ProcessingDelayMin.Ticks, nameof(ProcessingDelayMin));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessingDelayMax, ProcessingDelayMin, nameof(ProcessingDelayMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ProcessingDelayMax, TimeSpan.FromHours(1), nameof(ProcessingDelayMax));
        ArgumentOutOfRangeException.ThrowIfNegative(ReorderDelay.Ticks, nameof(ReorderDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ReorderDelay, TimeSpan.FromHours(1), nameof(ReorderDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelayInitial, TimeSpan.FromMilliseconds(1), nameof(RetryDelayInitial));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelayMax, RetryDelayInitial, nameof(RetryDelayMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RetryDelayMax, TimeSpan.FromHours(1), nameof(RetryDelayMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeliveryAttemptsMax, 1, nameof(DeliveryAttemptsMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DeliveryAttemptsMax, 1_000, nameof(DeliveryAttemptsMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeliveryTimeout, TimeSpan.FromMilliseconds(1), nameof(DeliveryTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DeliveryTimeout, TimeSpan.FromMinutes(5), nameof(DeliveryTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(PaymentsMax, 1, nameof(PaymentsMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PaymentsMax, PaymentsMaxLimit, nameof(PaymentsMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeliveriesInFlightMax, 1, nameof(DeliveriesInFlightMax));
        if (!Enum.IsDefined(Fault))
        {
            throw new ArgumentOutOfRangeException(nameof(Fault), Fault, "Unknown fault.");
        }

        return this;
    }

    private static void Probability(double p, string name)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(name, p, "A probability lies in [0, 1].");
        }
    }
}
