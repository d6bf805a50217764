using System.Diagnostics;
using System.Text.Json;

namespace LiveCasino.Bench.Load;

/// <summary>
/// Runs the Node load harness (bench/load/run.js) for one scenario against the node built with this
/// bench (src/LiveCasino.Server, same configuration), forwarding its progress to stderr, and returns
/// the figures it wrote as JSON. The harness starts every server under test as its own process.
/// </summary>
public static class LoadRunner
{
    /// <summary>The repository root: the first folder above the bench's binaries holding LiveCasino.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveCasino.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LiveCasino.sln not found above " + AppContext.BaseDirectory);
    }

    public static async Task<JsonDocument> RunAsync(string root, string scenario, bool quick, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var load = Path.Combine(root, "bench", "load");
        if (!Directory.Exists(Path.Combine(load, "node_modules")))
        {
            throw new InvalidOperationException("bench/load/node_modules is missing: run scripts/load.sh first");
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(root, "src", "LiveCasino.Server", "bin", configuration, "net10.0", "LiveCasino.Server.dll");
        var output = Path.Combine(Path.GetTempPath(), $"livecasino-{scenario}-{Environment.ProcessId}.json");
        var start = new ProcessStartInfo("node") { WorkingDirectory = load, UseShellExecute = false };
        foreach (var a in new[] { "run.js", scenario, "--server-dll", dll, "--out", output })
        {
            start.ArgumentList.Add(a);
        }

        if (quick)
        {
            start.ArgumentList.Add("--quick");
        }

        foreach (var (k, v) in options)
        {
            start.ArgumentList.Add("--" + k);
            start.ArgumentList.Add(v);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"the load harness failed (exit {process.ExitCode})");
        }

        var json = await File.ReadAllTextAsync(output).ConfigureAwait(false);
        File.Delete(output);
        return JsonDocument.Parse(json);
    }
}
