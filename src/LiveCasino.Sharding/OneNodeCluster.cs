using Akka.Actor;
using Akka.Cluster;

namespace LiveCasino.Sharding;

/// <summary>A node that is its own cluster: what a single node on the embedded store runs, and tools and tests that host entities.</summary>
public static class OneNodeCluster
{
    /// <summary>Joins <paramref name="system"/> to itself and waits until it is Up (regions then get their coordinator).</summary>
    public static async Task JoinSelfAsync(ActorSystem system, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        var cluster = Cluster.Get(system);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.Join(cluster.SelfAddress);
        try
        {
            await up.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Node {cluster.SelfAddress} joined itself but was not Up within {timeout}.", e);
        }
    }
}
