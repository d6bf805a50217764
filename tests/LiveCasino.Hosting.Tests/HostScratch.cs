namespace LiveCasino.Hosting.Tests;

/// <summary>
/// What a host test leaves behind, cleaned up: a temp folder for the node's files, and environment
/// variables under a prefix of its own (so parallel tests never read each other's).
/// </summary>
public sealed class HostScratch : IDisposable
{
    public HostScratch(string name)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory($"livecasino-{name}-").FullName;
        EnvPrefix = "LC" + name.ToUpperInvariant().Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")[..8] + "_";
    }

    public string Directory { get; }

    public string EnvPrefix { get; }

    /// <summary>Sets <paramref name="key"/> (after the prefix) for this test only.</summary>
    public void SetEnvironment(string key, string value) => Environment.SetEnvironmentVariable(EnvPrefix + key, value);

    public void Dispose()
    {
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith(EnvPrefix, StringComparison.Ordinal)))
        {
            Environment.SetEnvironmentVariable(key, null);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
