using System.Globalization;

namespace LiveCasino.Server.Hosting;

/// <summary>
/// Sizes the runtime's shared array pool for fan-out. SignalR gives each connection's outgoing pipe
/// a 4 KB segment from <c>ArrayPool&lt;byte&gt;.Shared</c> for every frame, and returns it once the
/// socket has taken the frame. A broadcast to 10,000 viewers therefore has up to 10,000 segments out
/// at once, while the pool keeps only 32 arrays of a size per core by default: the rest were new
/// arrays, dropped again on return, about 40 MB of garbage per broadcast tick (seen in a heap dump of
/// the fan-out benchmark; docs/operations.md, "Memory per viewer"). The runtime reads the limit from
/// the environment once, when the pool is first used, so <see cref="Apply()"/> runs first thing in
/// the node's Main. A value the operator set in the environment is kept.
/// </summary>
public static class SharedArrayPoolTuning
{
    /// <summary>The runtime's environment variable for the pool's arrays per size and core.</summary>
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>
    /// The node's default: room for one in-flight segment per viewer at 8,192 viewers per core. The
    /// pool trims arrays left unused after a gen2 collection, so an idle node gives the memory back.
    /// </summary>
    public const int ArraysPerPartition = 8192;

    /// <summary>Sets the limit in this process's environment unless one is set; returns the value in effect.</summary>
    public static string Apply() => Apply(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);

    /// <summary>The same over any environment (tests).</summary>
    public static string Apply(Func<string, string?> read, Action<string, string> write)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        var current = read(Variable);
        if (!string.IsNullOrWhiteSpace(current))
        {
            return current;
        }

        var value = ArraysPerPartition.ToString(CultureInfo.InvariantCulture);
        write(Variable, value);
        return value;
    }
}
