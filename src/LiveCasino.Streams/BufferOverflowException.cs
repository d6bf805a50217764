namespace LiveCasino.Streams;

/// <summary>A buffer with <see cref="OverflowPolicy.Fail"/> was full when an element arrived.</summary>
public sealed class BufferOverflowException : Exception
{
    public BufferOverflowException()
    {
    }

    public BufferOverflowException(string message)
        : base(message)
    {
    }

    public BufferOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
