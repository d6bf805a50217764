using Npgsql;

namespace LiveCasino.Persistence.Tests.Support;

/// <summary>
/// A schema of its own for one test class in the server named by LIVECASINO_PG, dropped afterwards.
/// A missing or unreachable server fails the tests, never skips them: start one with
/// <c>scripts/postgres.sh start</c> (test.sh does).
/// </summary>
public sealed class PostgresSchema : IAsyncLifetime
{
    public const string Variable = "LIVECASINO_PG";

    public string Schema { get; } = "lc_akka_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The connection string with this schema first on the search path (for plugins that take no schema setting).</summary>
    public string ConnectionStringInSchema => new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Schema }.ConnectionString;

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL runs cannot run. Start a throwaway server with `scripts/postgres.sh start` and export the {Variable} it prints (test.sh does both).");
        }

        ConnectionString = connectionString;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {Schema}", connection);
            await command.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL at {Variable}='{connectionString}' is unreachable ({ex.Message}). Is the server running? `scripts/postgres.sh start`.", ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
