namespace LiveCasino.Payments.Orchestration;

/// <summary>Options of <see cref="PaymentsService"/>.</summary>
public sealed class PaymentsServiceOptions
{
    /// <summary>Attempts to submit to the provider before giving up into <see cref="PaymentState.SubmitFailed"/>.</summary>
    public int SubmitAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubles per retry up to <see cref="RetryDelayMax"/>, plus up to 20 % jitter.</summary>
    public TimeSpan RetryDelayInitial { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one wallet ask may take.</summary>
    public TimeSpan WalletTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most payments tracked in memory; at the limit the oldest final ones are forgotten, and if none is final new payments are refused.</summary>
    public int RecordsMax { get; set; } = 100_000;

    public PaymentsServiceOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SubmitAttempts, 1, nameof(SubmitAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SubmitAttempts, 100, nameof(SubmitAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelayInitial, TimeSpan.FromMilliseconds(1), nameof(RetryDelayInitial));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelayMax, RetryDelayInitial, nameof(RetryDelayMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RetryDelayMax, TimeSpan.FromMinutes(10), nameof(RetryDelayMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(WalletTimeout, TimeSpan.FromMilliseconds(1), nameof(WalletTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WalletTimeout, TimeSpan.FromMinutes(1), nameof(WalletTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecordsMax, 1, nameof(RecordsMax));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RecordsMax, 10_000_000, nameof(RecordsMax));
        return this;
    }
}
