namespace LiveCasino.Streams;

/// <summary>What a restarted sink does with the element it failed on.</summary>
public enum FailedElementPolicy
{
    /// <summary>Offer the same element again after the backoff (at-least-once into the sink).</summary>
    Retry,

    /// <summary>Give up on it (counted as Skipped) and go on with the next one.</summary>
    Skip,
}
