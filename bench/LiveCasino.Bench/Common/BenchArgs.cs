using System.Globalization;

namespace LiveCasino.Bench.Common;

/// <summary>Command line of the benchmark runner: a scenario name, --quick, and --key value options.</summary>
public sealed record BenchArgs(string Scenario, bool Quick, IReadOnlyDictionary<string, string> Options)
{
    public static BenchArgs Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? string.Empty;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i] != "--quick")
            {
                options[args[i][2..]] = i + 1 < args.Length ? args[++i] : string.Empty;
            }
        }

        return new BenchArgs(scenario, args.Contains("--quick"), options);
    }

    public string? Get(string key) => Options.TryGetValue(key, out var v) ? v : null;

    public int GetInt(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project bench/LiveCasino.Bench -- <scenario> [--quick] [options]
              kernel   actor messaging vs TPL Dataflow ActionBlock and a raw Channel loop
              journal  persistent actors on SQLite and PostgreSQL  [--store sqlite|postgres] [--pg <connection string>]
              wallet   reservations + settlements over 10,000 wallets vs a row-locked balance table  [--store ...] [--pg ...]
              fanout   viewers on 1 and 50 tables over the player hub vs socket.io and Colyseus (needs scripts/load.sh)
              betstorm players betting in one window over the player hub  [--players N] [--bet-rate R] [--seconds S]
              failover three nodes under load: kill -9, graceful leave, join; vs Akka's default timings  [--tables N] [--players-per-table N]
            """);
        return 2;
    }
}
