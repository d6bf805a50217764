namespace LiveCasino.Payments.Webhooks;

/// <summary>What <see cref="PaymentWebhookHandler"/> did with a verified notification.</summary>
public enum WebhookOutcome
{
    /// <summary>The wallet accepted the command (the first time, or an identical repeat that changed nothing). Answered 200.</summary>
    Applied,

    /// <summary>The deposit or withdrawal was already resolved by an earlier event (late, re-issued or contradicting): nothing changed, kept as an anomaly. Answered 200.</summary>
    AlreadyResolved,

    /// <summary>The wallet knows no such deposit or withdrawal (never begun here): nothing changed, kept as an anomaly for the operator. Answered 200 so the provider stops.</summary>
    UnknownPayment,

    /// <summary>The wallet refused for another reason (conflicting event id, wallet not open, wrong kind): nothing changed, kept as an anomaly. Answered 200.</summary>
    Refused,

    /// <summary>Not a terminal status: nothing to do. Answered 200.</summary>
    Ignored,

    /// <summary>The wallet did not answer in time: answered 503 so the provider retries later.</summary>
    WalletUnavailable,
}
