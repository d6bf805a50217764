namespace LiveCasino.Actors.Ask;

/// <summary>No reply arrived within the ask timeout. The message says what was asked of whom.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException(string target, Type messageType, TimeSpan timeout)
        : base($"Ask of {target} with {messageType.Name} got no reply within {timeout.TotalMilliseconds:0} ms.")
    {
    }
}
