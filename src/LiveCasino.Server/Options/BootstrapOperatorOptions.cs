namespace LiveCasino.Server.Options;

/// <summary>
/// The first operator (<c>LiveCasino:Security:BootstrapOperator</c>), created at start-up when no
/// account has this name. An empty password makes the node generate one and log it once, at the
/// creation; later changes of this setting do not touch an existing account.
/// </summary>
public sealed class BootstrapOperatorOptions
{
    /// <summary>Login name of the operator; empty disables the bootstrap.</summary>
    public string Username { get; set; } = "operator";

    public string Password { get; set; } = string.Empty;
}
