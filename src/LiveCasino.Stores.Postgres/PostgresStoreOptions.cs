using System.Text.RegularExpressions;
using Npgsql;

namespace LiveCasino.Stores.Postgres;

/// <summary>Options of <see cref="PostgresJournal"/> and <see cref="PostgresSnapshotStore"/>.</summary>
public sealed partial class PostgresStoreOptions
{
    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=app;Database=casino</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Schema holding the tables; one schema is one journal (its own offsets and write lock).</summary>
    public string Schema { get; set; } = "livecasino";

    /// <summary>Create the schema, tables and function on open. Turn off where DDL is applied by migrations.</summary>
    public bool AutoCreateSchema { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public PostgresStoreOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("PostgresStoreOptions.ConnectionString is required.", nameof(ConnectionString));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"PostgresStoreOptions.ConnectionString is malformed: {ex.Message}", nameof(ConnectionString), ex);
        }

        // The schema name is spliced into SQL text, so only plain lower-case identifiers pass.
        if (!SchemaName().IsMatch(Schema ?? string.Empty))
        {
            throw new ArgumentException(
                $"PostgresStoreOptions.Schema '{Schema}' must match {SchemaName()}: a lower-case identifier of at most 63 characters.", nameof(Schema));
        }

        return this;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
