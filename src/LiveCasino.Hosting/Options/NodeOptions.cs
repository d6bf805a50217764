namespace LiveCasino.Hosting.Options;

/// <summary>Configuration section <c>LiveCasino:Node</c>: who this node is and where it keeps files.</summary>
public sealed class NodeOptions
{
    public const string Section = "LiveCasino:Node";

    /// <summary>Names the actor system, logs and metrics; letters, digits, '-' and '_' only.</summary>
    public string Name { get; set; } = "livecasino";

    /// <summary>Folder for the embedded store and other node files; created at start-up if missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How long a graceful shutdown waits for actors to finish before it gives up.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
