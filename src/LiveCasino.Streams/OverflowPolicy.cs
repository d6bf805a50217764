namespace LiveCasino.Streams;

/// <summary>What a full <see cref="Flow{T}.Buffer"/> does with the next element.</summary>
public enum OverflowPolicy
{
    /// <summary>Wait for room: the upstream slows down to the pace of downstream.</summary>
    Backpressure,

    /// <summary>Discard the oldest buffered element to make room (keep the freshest readings).</summary>
    DropOldest,

    /// <summary>Discard the arriving element (keep what is already buffered).</summary>
    DropNewest,

    /// <summary>Fail the pipeline with <see cref="BufferOverflowException"/>.</summary>
    Fail,
}
