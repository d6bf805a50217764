using System.Diagnostics;
using LiveCasino.Bench.Common;
using Npgsql;

namespace LiveCasino.Bench.Wallet;

/// <summary>
/// The usual alternative to a wallet actor: one PostgreSQL row per player's balance, a transaction
/// per operation, the row lock taken by the UPDATE. A reservation is
/// <c>UPDATE ... SET balance = balance - x WHERE id = $1 AND balance &gt;= x</c>, a settlement credits
/// the payout the same way. Same wallets, same mix, same number of concurrent clients as the actor
/// run. (It keeps no ledger, no idempotency table and no history: the strongest form of the baseline.)
/// </summary>
public static class RowLockBaseline
{
    private const long Funding = 100_000_000;

    public static async Task<(double OpsPerSecond, LatencyHistogram Latency)> RunAsync(string connectionString, int wallets, int clients, double seconds)
    {
        var schema = "bench_wallet_rows_" + Environment.ProcessId;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = clients + 4, NoResetOnClose = true };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        await ExecuteAsync(source, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; CREATE TABLE {schema}.balances (id bigint PRIMARY KEY, balance bigint NOT NULL CHECK (balance >= 0));");
        await ExecuteAsync(source, $"INSERT INTO {schema}.balances SELECT g, {Funding} FROM generate_series(0, {wallets - 1}) g;");
        try
        {
            var debit = $"UPDATE {schema}.balances SET balance = balance - $2 WHERE id = $1 AND balance >= $2";
            var credit = $"UPDATE {schema}.balances SET balance = balance + $2 WHERE id = $1";
            await DriveAsync(source, debit, credit, wallets, clients, Math.Min(1.0, seconds / 3), new LatencyHistogram());
            var latency = new LatencyHistogram();
            var sw = Stopwatch.StartNew();
            var ops = await DriveAsync(source, debit, credit, wallets, clients, seconds, latency);
            return (ops / sw.Elapsed.TotalSeconds, latency);
        }
        finally
        {
            await ExecuteAsync(source, $"DROP SCHEMA IF EXISTS {schema} CASCADE;");
        }
    }

    private static async Task<long> DriveAsync(NpgsqlDataSource source, string debit, string credit, int wallets, int clients, double seconds, LatencyHistogram latency)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        long ops = 0;
        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c);
            await using var connection = await source.OpenConnectionAsync();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                long id = rng.Next(wallets);
                long stake = 100 + rng.Next(900);
                if (await TransactAsync(connection, debit, id, stake, latency) != 1)
                {
                    throw new InvalidOperationException($"Row {id} could not cover {stake}.");
                }

                var payout = rng.Next(2) == 0 ? 0 : 2 * stake;
                await TransactAsync(connection, credit, id, payout, latency); // a lost bet still settles (+0), as the wallet records it

                Interlocked.Add(ref ops, 2);
            }
        })).ToList();
        await Task.WhenAll(loops);
        return ops;
    }

    /// <summary>One operation: its own transaction, committed (and made durable) before the next.</summary>
    private static async Task<int> TransactAsync(NpgsqlConnection connection, string sql, long id, long amount, LatencyHistogram latency)
    {
        var started = Stopwatch.GetTimestamp();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = amount });
        var rows = await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        latency.RecordTicks(Stopwatch.GetTimestamp() - started);
        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
