namespace LiveCasino.Clients;

/// <summary>A hub invocation completed with an error (a protocol or server error, never a business refusal).</summary>
public sealed class HubInvocationException : Exception
{
    public HubInvocationException()
    {
    }

    public HubInvocationException(string message)
        : base(message)
    {
    }

    public HubInvocationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
