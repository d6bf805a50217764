using Npgsql;

namespace LiveCasino.Stores.Postgres;

/// <summary>
/// Applies CREATE ... IF NOT EXISTS scripts under an advisory lock, since concurrent IF NOT EXISTS can
/// still collide. Other writers of the same schema that do not hold this lock (another part of a node,
/// or another member starting at the same moment) can still win the race for the schema or a table:
/// the loser's transaction fails with a duplicate error and is applied again, when IF NOT EXISTS sees
/// the winner's objects.
/// </summary>
public static class PostgresDdl
{
    /// <summary>Attempts before a duplicate-object error is let through.</summary>
    public const int AttemptsMax = 3;

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, long lockKey, string ddl, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(dataSource, lockKey, ddl, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (attempt < AttemptsMax && IsDuplicate(e))
            {
                // Another writer created the same object meanwhile; now it is there.
            }
        }
    }

    /// <summary>The errors of two CREATE ... IF NOT EXISTS racing for one object.</summary>
    public static bool IsDuplicate(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject;

    private static async Task ApplyOnceAsync(NpgsqlDataSource dataSource, long lockKey, string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(ddl, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
