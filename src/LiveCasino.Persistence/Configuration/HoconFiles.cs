using Akka.Configuration;
using Akka.Persistence.Sql;

namespace LiveCasino.Persistence.Configuration;

/// <summary>
/// Loads Akka's configuration from the HOCON files of hocon/ (copied beside every program that
/// references LiveCasino.Persistence). Files are layered in the order given, later over earlier,
/// over the plugins' reference configuration; <see cref="Overrides"/> go on top.
/// </summary>
public static class HoconFiles
{
    /// <summary>The node's files in load order.</summary>
    public static IReadOnlyList<string> NodeFiles { get; } = ["base.conf", "serialization.conf", "persistence-livecasino.conf", "persistence-sql.conf", "cluster.conf"];

    /// <summary>The node's files without cluster.conf: a plain local actor system (plugin tests, benchmarks).</summary>
    public static IReadOnlyList<string> LocalFiles { get; } = ["base.conf", "serialization.conf", "persistence-livecasino.conf", "persistence-sql.conf"];

    /// <summary>Where the files are: hocon/ beside the running program.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "hocon");

    /// <summary>The files layered in order, with Akka.Persistence.Sql's reference configuration as the last fallback.</summary>
    public static Config Load(IEnumerable<string> files, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var config = Config.Empty;
        foreach (var file in files)
        {
            var path = Path.Combine(directory ?? Directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The Akka configuration file '{path}' is missing: hocon/ is copied beside the program by the build.", path);
            }

            config = ConfigurationFactory.ParseString(File.ReadAllText(path)).WithFallback(config);
        }

        return config.WithFallback(SqlPersistence.DefaultConfiguration);
    }

    /// <summary>Puts HOCON text (keys set by the host, the environment or a test) over <paramref name="config"/>.</summary>
    public static Config Overrides(this Config config, string hocon)
    {
        ArgumentNullException.ThrowIfNull(config);
        return string.IsNullOrWhiteSpace(hocon) ? config : ConfigurationFactory.ParseString(hocon).WithFallback(config);
    }
}
