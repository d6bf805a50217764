namespace LiveCasino.Payments.Orchestration;

/// <summary>Where one deposit or withdrawal stands in <see cref="PaymentsService"/>. Completed, Failed, WalletRejected and ProviderRejected are final.</summary>
public enum PaymentState
{
    /// <summary>Wallet step done or under way; the provider is being asked.</summary>
    Submitting,

    /// <summary>The wallet refused (insufficient funds, limit, self-exclusion, conflict): nothing reserved, nothing sent.</summary>
    WalletRejected,

    /// <summary>The wallet did not answer: the deposit or withdrawal may or may not be recorded there. Resubmit (idempotent) to finish.</summary>
    WalletUnavailable,

    /// <summary>The provider accepted it; the outcome comes by webhook.</summary>
    AwaitingProvider,

    /// <summary>
    /// The provider could not be reached after every retry. A withdrawal stays reserved in the wallet
    /// ("payout pending, failed to submit"), a deposit stays a pending credit: no money is lost or
    /// available twice. An operator resubmits (idempotent by operation id).
    /// </summary>
    SubmitFailed,

    /// <summary>The provider refused it for good; the wallet's pending deposit was failed or the withdrawal's reservation released.</summary>
    ProviderRejected,

    /// <summary>The provider's webhook completed it and the wallet posted it.</summary>
    Completed,

    /// <summary>The provider's webhook failed it (declined, refused) and the wallet voided it.</summary>
    Failed,
}
