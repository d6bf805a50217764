using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace LiveCasino.Bench.Load;

/// <summary>The machine a run was made on, for the generated docs/benchmarks.md.</summary>
public static class MachineFacts
{
    public static IReadOnlyList<string> Describe(JsonElement machine)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3) : ["?"];
        return
        [
            $"CPU: {machine.GetProperty("cpu").GetString()}, {machine.GetProperty("cores").GetInt32()} cores (shared with the load generator and, on this machine, with other builds)",
            $"Memory: {machine.GetProperty("memMb").GetInt32().ToString("N0", CultureInfo.InvariantCulture)} MB; kernel {machine.GetProperty("kernel").GetString()}",
            $"Runtime: {RuntimeInformation.FrameworkDescription}; Node.js {machine.GetProperty("node").GetString()}",
            $"Load average when the run ended (1, 5, 15 min): {string.Join(" ", load)}",
        ];
    }
}
