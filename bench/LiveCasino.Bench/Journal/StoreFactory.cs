using System.Diagnostics;
using LiveCasino.Stores.Journal;
using LiveCasino.Stores.Serialization;
using LiveCasino.Stores.Snapshots;
using LiveCasino.Stores.Postgres;
using LiveCasino.Stores.Sqlite;

namespace LiveCasino.Bench.Journal;

/// <summary>Opens a fresh store of each kind; PostgreSQL comes from --pg, LIVECASINO_PG, or scripts/postgres.sh.</summary>
public sealed class StoreFactory : IAsyncDisposable
{
    private string? _startedPgDir;

    public static EventSerializer Serializer() => new EventSerializer().Register("bench.event.v1", BenchJson.Default.BenchEvent);

    public async Task<(IJournal Journal, ISnapshotStore Snapshots)> OpenAsync(string store, string? pg, string label)
    {
        var serializer = Serializer();
        if (store == "sqlite")
        {
            var dir = Path.Combine(Path.GetTempPath(), "livecasino-bench");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{label}-{Environment.ProcessId}.db");
            foreach (var f in Directory.GetFiles(dir, Path.GetFileName(file) + "*"))
            {
                File.Delete(f);
            }

            var options = new SqliteStoreOptions { DataSource = file };
            return (await SqliteJournal.OpenAsync(options, serializer, CancellationToken.None), await SqliteSnapshotStore.OpenAsync(options, serializer, CancellationToken.None));
        }

        var connection = PostgresConnection(pg);
        var pgOptions = new PostgresStoreOptions { ConnectionString = connection, Schema = "bench_" + label.Replace('-', '_') + "_" + Environment.ProcessId };
        return (await PostgresJournal.OpenAsync(pgOptions, serializer, CancellationToken.None), await PostgresSnapshotStore.OpenAsync(pgOptions, serializer, CancellationToken.None));
    }

    /// <summary>The server to use: --pg, else LIVECASINO_PG, else a throwaway one started now (and stopped on dispose).</summary>
    public string PostgresConnection(string? pg) => pg ?? Environment.GetEnvironmentVariable("LIVECASINO_PG") ?? StartPostgres();

    /// <summary>Starts a throwaway server with the same helper the test script uses.</summary>
    private string StartPostgres()
    {
        var root = RepoRoot();
        _startedPgDir = Path.Combine(Path.GetTempPath(), "livecasino-bench-pg-" + Environment.ProcessId);
        var output = RunScript(root, "start");
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("LIVECASINO_PG=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("scripts/postgres.sh start printed no LIVECASINO_PG line:\n" + output);
        var connection = line["LIVECASINO_PG=".Length..].Trim();
        Environment.SetEnvironmentVariable("LIVECASINO_PG", connection);
        return connection;
    }

    private string RunScript(string root, string verb)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "postgres.sh"), verb]) { RedirectStandardOutput = true, RedirectStandardError = false };
        psi.Environment["LIVECASINO_PG_DIR"] = _startedPgDir;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not run scripts/postgres.sh");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"scripts/postgres.sh {verb} failed ({process.ExitCode}):\n{output}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiveCasino.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (LiveCasino.sln not found above " + AppContext.BaseDirectory + ").");
    }

    public ValueTask DisposeAsync()
    {
        if (_startedPgDir is not null)
        {
            RunScript(RepoRoot(), "stop");
        }

        return ValueTask.CompletedTask;
    }
}
