namespace LiveCasino.Streams;

/// <summary>What a throttle does with an element above the rate.</summary>
public enum ThrottleMode
{
    /// <summary>Hold it until the rate allows (backpressure upstream).</summary>
    Shape,

    /// <summary>Discard it and count it as Dropped.</summary>
    Drop,
}
