using System.Globalization;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Options;

/// <summary>
/// Start-up validation of <c>LiveCasino:Cluster</c>, messages naming the key. A member of a cluster of
/// several nodes needs the shared PostgreSQL store: nodes on their own SQLite files would each keep
/// their own journal, and a table moved to another node would lose its history.
/// </summary>
public sealed class ClusterOptionsValidator(IOptions<StoreOptions> store) : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var section = ClusterOptions.Section;
        if (!IsHost(options.Hostname))
        {
            errors.Add($"{section}:Hostname '{options.Hostname}' must be a host name or an IP address.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicHostname) && !IsHost(options.PublicHostname))
        {
            errors.Add($"{section}:PublicHostname '{options.PublicHostname}' must be a host name or an IP address.");
        }

        if (options.Port is < 0 or > 65_535)
        {
            errors.Add($"{section}:Port must be between 0 (any free port) and 65535, not {options.Port}.");
        }

        if (options.JoinTimeout < TimeSpan.FromSeconds(1) || options.JoinTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:JoinTimeout must be between 1 second and 1 hour, not {options.JoinTimeout}.");
        }

        if (options.SeedNodes.Count > ClusterOptions.SeedNodesMax)
        {
            errors.Add($"{section}:SeedNodes lists {options.SeedNodes.Count} members; at most {ClusterOptions.SeedNodesMax} (three are plenty).");
        }

        for (var i = 0; i < options.SeedNodes.Count; i++)
        {
            if (!TryParseSeed(options.SeedNodes[i], out _, out _))
            {
                errors.Add($"{section}:SeedNodes:{i} '{options.SeedNodes[i]}' must be host:port (for example 10.0.0.5:4053).");
            }
        }

        if (options.SeedNodes.Count > 0 && store.Value.Provider != StoreProvider.Postgres)
        {
            errors.Add($"{section}:SeedNodes makes this node a member of a cluster, which needs {StoreOptions.Section}:Provider Postgres (shared by every member), not {store.Value.Provider}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Parses "host:port" (an IPv6 host in brackets: "[::1]:4053").</summary>
    public static bool TryParseSeed(string? seed, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var colon = seed?.LastIndexOf(':') ?? -1;
        if (seed is null || colon <= 0 || colon == seed.Length - 1)
        {
            return false;
        }

        var hostPart = seed[..colon];
        if (hostPart.Contains(':', StringComparison.Ordinal) && !(hostPart.StartsWith('[') && hostPart.EndsWith(']')))
        {
            return false;
        }

        if (!int.TryParse(seed[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65_535 || !IsHost(hostPart))
        {
            return false;
        }

        host = hostPart;
        return true;
    }

    private static bool IsHost(string? host) =>
        !string.IsNullOrWhiteSpace(host) && host.Length <= 253 && Uri.CheckHostName(host.Trim('[', ']')) != UriHostNameType.Unknown;
}
