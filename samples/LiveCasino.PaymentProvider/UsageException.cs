namespace LiveCasino.PaymentProvider;

/// <summary>The command line is wrong; Program prints the message and the usage, and exits with 64.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("usage error")
    {
    }

    public UsageException(string message, Exception innerException)
        : this(message + ": " + innerException?.Message)
    {
    }
}
