using Akka.Cluster;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Edge;
using LiveCasino.Server.Wallets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveCasino.Server.Health;

/// <summary>Ready when the node is an Up member of its cluster (not leaving) and the wallet, account and table regions run.</summary>
public sealed class NodeReadyCheck(Akka.Actor.ActorSystem engine, WalletRuntime wallets, AccountDirectory accounts, TablesRuntime tables) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = engine.WhenTerminated.IsCompleted ? (MemberStatus?)null : Cluster.Get(engine).SelfMember.Status;
        return Task.FromResult(
            status is null or MemberStatus.Leaving or MemberStatus.Exiting or MemberStatus.Down or MemberStatus.Removed ? HealthCheckResult.Unhealthy("the node is stopping")
            : status != MemberStatus.Up ? HealthCheckResult.Unhealthy("the node is joining its cluster")
            : !wallets.IsStarted ? HealthCheckResult.Unhealthy("the wallets are starting")
            : !accounts.IsStarted ? HealthCheckResult.Unhealthy("the accounts are starting")
            : !tables.IsStarted ? HealthCheckResult.Unhealthy("the tables are starting")
            : HealthCheckResult.Healthy("node, wallets, accounts and tables run"));
    }
}
