using Akka.Actor;
using Akka.Cluster;
using LiveCasino.Hosting.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveCasino.Hosting.Engine;

/// <summary>
/// Holds the node's start-up until it is an Up member of its cluster, so the services after it (wallets,
/// accounts, tables) ask entities only once sharding can place them. A node whose seeds never admit
/// it fails start-up after <see cref="ClusterOptions.JoinTimeout"/> with one line naming them.
/// </summary>
public sealed class ClusterJoinWait(ActorSystem system, IOptions<ClusterOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        var timeout = options.Value.JoinTimeout;
        try
        {
            await up.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            var seeds = options.Value.SeedNodes.Count == 0 ? "itself" : string.Join(", ", options.Value.SeedNodes);
            throw new InvalidOperationException(
                $"Node {cluster.SelfAddress} did not become an Up member within {timeout} ({ClusterOptions.Section}:JoinTimeout) joining {seeds}: start a seed node, or check {ClusterOptions.Section}:SeedNodes, the ports and {NodeOptions.Section}:Name (the same on every member).", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
