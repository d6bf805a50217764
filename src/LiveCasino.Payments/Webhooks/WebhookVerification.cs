namespace LiveCasino.Payments.Webhooks;

/// <summary>The verdict of <see cref="WebhookVerifier"/>. Anything but <see cref="Valid"/> is answered 401 and changes nothing.</summary>
public enum WebhookVerification
{
    /// <summary>Signed with one of our secrets, within the tolerance window.</summary>
    Valid,

    /// <summary>No signature header.</summary>
    MissingSignature,

    /// <summary>A header we cannot parse: no timestamp, no v1 signature, bad hex, too long.</summary>
    Malformed,

    /// <summary>Well formed, but no v1 signature matches any of our secrets.</summary>
    WrongSignature,

    /// <summary>Correctly signed, but the timestamp is outside the tolerance window (a replay, or a clock far off).</summary>
    StaleTimestamp,
}
