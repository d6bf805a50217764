using LiveCasino.Wallets.Domain;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Tests.Support;
using Xunit.Abstractions;

namespace LiveCasino.Wallets.Tests;

/// <summary>
/// Random sequences of every operation with retries, duplicate and conflicting ids, expiries, UTC
/// day changes, passivations, failed journal writes and node restarts, checked after every step
/// against a plain reference model (see <see cref="ModelRun"/>). Seeds are fixed: a failure names
/// its seed and step and replays exactly.
/// </summary>
public sealed class ModelBasedTests(ITestOutputHelper output)
{
    private static readonly WalletBounds Bounds = new()
    {
        IdempotencyWindow = TimeSpan.FromDays(60), // the run stays inside it: the model has no eviction
        ReservationTtlMax = TimeSpan.FromMinutes(30),
        PendingTransfersMax = 12, // small, so LimitExceeded happens
    };

    private static WalletOptions Options => new() { IdleTimeout = TimeSpan.FromMinutes(3), Bounds = Bounds };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Random_operations_with_faults_match_the_reference_model_in_memory(int seed)
    {
        await using var host = await WalletHost.InMemoryAsync(Options);
        var run = new ModelRun(host, seed, Bounds);
        await run.RunAsync(steps: 400);
        Report(run);
    }

    [Fact]
    public async Task Random_operations_with_faults_match_the_reference_model_on_sqlite()
    {
        await using var host = await WalletHost.SqliteAsync(Options);
        var run = new ModelRun(host, seed: 4242, Bounds);
        await run.RunAsync(steps: 300);
        Report(run);
    }

    private void Report(ModelRun run)
    {
        output.WriteLine("steps:    " + string.Join(", ", run.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine("replies:  " + string.Join(", ", run.Outcomes.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine("expiries: " + run.ExpiredReservations);
        output.WriteLine("ms:       " + string.Join(", ", run.Millis.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
    }
}
