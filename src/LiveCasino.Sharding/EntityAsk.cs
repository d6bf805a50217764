using Akka.Actor;
using Akka.Cluster.Sharding;

namespace LiveCasino.Sharding;

/// <summary>How a caller asks an entity: how long one try waits, and how many tries.</summary>
public sealed record EntityAskPolicy(TimeSpan Timeout, int Attempts)
{
    public static EntityAskPolicy Default { get; } = new(TimeSpan.FromSeconds(5), 4);

    public EntityAskPolicy Validate()
    {
        if (Timeout <= TimeSpan.Zero || Attempts is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), $"An ask needs a positive timeout and 1-100 attempts, not {Timeout} and {Attempts}.");
        }

        return this;
    }
}

/// <summary>
/// Asks that survive a moving entity. A command sent while its shard is handed off or its entity
/// passivates can be lost inside Akka (akka.net issue 8501) or answered late; so the caller sends
/// the same command again — with the same caller-made id — after each timeout, and the entity
/// answers a repeated id exactly as the first time. The first answer wins.
/// </summary>
public static class EntityAsk
{
    public static async Task<TReply> AskEntityAsync<TReply>(this IActorRef region, string entityId, object command, EntityAskPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await region.Ask<TReply>(new ShardingEnvelope(entityId, command), policy.Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (AskTimeoutException) when (attempt < policy.Attempts)
            {
                // Same command, same id: the entity answers a repeat as the first time.
            }
            catch (AskTimeoutException ex)
            {
                throw new EntityUnavailableException(entityId, command, policy, ex);
            }
        }
    }
}

/// <summary>No answer from an entity after every try of the policy; the command may or may not have been applied, once.</summary>
public sealed class EntityUnavailableException(string entityId, object command, EntityAskPolicy policy, Exception inner)
    : TimeoutException($"Entity '{entityId}' did not answer {command.GetType().Name} in {policy.Attempts} tries of {policy.Timeout}.", inner)
{
    public string EntityId { get; } = entityId;
}
