namespace LiveCasino.Hosting.Options;

/// <summary>
/// Configuration section <c>LiveCasino:Cluster</c>: where this node listens for other members and
/// which members it contacts first. With no seed nodes the node is a cluster of one (the embedded
/// store's mode, <c>./run.sh</c>); with seed nodes it joins them and must share PostgreSQL with them.
/// Akka's own cluster timings (failure detector, downing, sharding) are HOCON: hocon/cluster.conf.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "LiveCasino:Cluster";

    /// <summary>Upper bound of <see cref="SeedNodes"/>.</summary>
    public const int SeedNodesMax = 16;

    /// <summary>The address the node's remoting binds to ("0.0.0.0" in a container).</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>The address other members reach this node at (a container's service name); <see cref="Hostname"/> when empty.</summary>
    public string PublicHostname { get; set; } = string.Empty;

    /// <summary>Remoting port; 0 takes a free one (fine for a node nobody lists as a seed).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Members to join through, "host:port" (the actor system's name is <see cref="NodeOptions.Name"/>,
    /// the same on every member). The first seed that is up admits this node; the first seed in the
    /// list starts a new cluster only if it is this node itself and no other seed answers.
    /// </summary>
    public IList<string> SeedNodes { get; } = [];

    /// <summary>How long start-up waits for this node to be an Up member (seeds reached, admitted) before it fails naming the seeds.</summary>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The address other members use for this node.</summary>
    public string AdvertisedHostname => string.IsNullOrWhiteSpace(PublicHostname) ? Hostname : PublicHostname;
}
