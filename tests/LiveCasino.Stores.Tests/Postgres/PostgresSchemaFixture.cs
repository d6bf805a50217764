using LiveCasino.Stores.Postgres;
using Npgsql;
using Xunit;

namespace LiveCasino.Stores.Tests.Postgres;

/// <summary>
/// A schema of its own for one test class in the server named by LIVECASINO_PG, created before the
/// tests and dropped afterwards. Shared with tests/LiveCasino.Persistence.Tests (linked there).
/// A missing or unreachable server fails the tests (never skips them): start one with
/// <c>source scripts/postgres.sh start</c>.
/// </summary>
public sealed class PostgresSchemaFixture : IAsyncLifetime
{
    public const string Variable = "LIVECASINO_PG";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public string ConnectionString { get; private set; } = string.Empty;

    public string Schema { get; } = "lc_test_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresStoreOptions Options => new() { ConnectionString = ConnectionString, Schema = Schema };

    /// <summary>The connection string with this schema first on the search path (for plugins that take no schema setting).</summary>
    public string ConnectionStringInSchema => new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = Schema }.ConnectionString;

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL conformance tests cannot run. Start a throwaway server with " +
                "`source scripts/postgres.sh start` (it exports " + Variable + ") and run the tests from that shell.");
        }

        ConnectionString = connectionString;
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Schema}", connection);
            await command.ExecuteNonQueryAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {Variable}='{connectionString}' is unreachable ({ex.Message}). Is the server running? `scripts/postgres.sh start`.", ex);
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

    /// <summary>Terminates a server backend, as a crashed node or a failover would.</summary>
    public async Task TerminateBackendAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processId });
        await command.ExecuteNonQueryAsync();
    }
}
