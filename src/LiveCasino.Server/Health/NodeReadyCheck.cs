using LiveCasino.Hosting.Node;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Wallets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveCasino.Server.Health;

/// <summary>Ready when the node has started (and is not stopping) and the wallet and account regions run.</summary>
public sealed class NodeReadyCheck(LiveCasinoNode node, WalletRuntime wallets, AccountDirectory accounts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !node.IsReady ? HealthCheckResult.Unhealthy(node.IsStopping ? "the node is stopping" : "the node is starting")
            : !wallets.IsStarted ? HealthCheckResult.Unhealthy("the wallets are starting")
            : !accounts.IsStarted ? HealthCheckResult.Unhealthy("the accounts are starting")
            : HealthCheckResult.Healthy("node, wallets and accounts run"));
}
