using System.Security.Claims;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Membership;
using LiveCasino.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/operator/cluster, operators only: the members and where the shards are, where one entity
/// lives, and the two member actions (leave: graceful, shards handed off; down: for a member known
/// dead). Both actions are written to the audit log with the operator's account.
/// </summary>
public static class OperatorClusterEndpoints
{
    /// <summary>Upper bound of a member address in a request.</summary>
    public const int AddressLengthMax = 256;

    public static void MapOperatorClusterEndpoints(this IEndpointRouteBuilder api)
    {
        var cluster = api.MapGroup("/operator/cluster").WithTags("Operator").RequireAuthorization(AuthPolicies.Operator).RequireRateLimiting(RateLimitPolicies.Api);
        cluster.MapGet("/", (ClusterAdmin admin, CancellationToken cancellationToken) => admin.DescribeAsync(cancellationToken))
            .WithSummary("Members (status, roles, reachability) and each region's shards and entities per member.");
        cluster.MapGet("/entities/{region}/{entityId}", LocateAsync).WithSummary("The shard of an entity and the member hosting it now.");
        cluster.MapPost("/members/leave", (ClusterMemberRequest request, ClusterAdmin admin, ClaimsPrincipal user) => Act(request, a => admin.Leave(a, "operator:" + user.AccountIdOf())))
            .WithSummary("Ask a member to leave: it hands its shards off and stops (audited).");
        cluster.MapPost("/members/down", (ClusterMemberRequest request, ClusterAdmin admin, ClaimsPrincipal user) => Act(request, a => admin.Down(a, "operator:" + user.AccountIdOf())))
            .WithSummary("Mark a member down, for one known to be dead: its shards move at once (audited).");
    }

    private static async Task<Results<Ok<ClusterEntityItem>, ProblemHttpResult>> LocateAsync(string region, string entityId, ClusterAdmin admin, CancellationToken cancellationToken)
    {
        if (entityId.Length > ClusterAdmin.EntityIdLengthMax)
        {
            return Problems.BadRequest($"entityId is longer than {ClusterAdmin.EntityIdLengthMax}");
        }

        var item = await admin.LocateAsync(region, entityId, cancellationToken).ConfigureAwait(false);
        return item is null ? Problems.NotFound($"no region {region} on this node") : TypedResults.Ok(item);
    }

    private static Results<Ok<ClusterMemberActionResponse>, ProblemHttpResult> Act(ClusterMemberRequest request, Func<string, ClusterMemberActionResponse?> act)
    {
        if (string.IsNullOrWhiteSpace(request.Address) || request.Address.Length > AddressLengthMax)
        {
            return Problems.BadRequest($"address must be a member's address (akka.tcp://name@host:port), at most {AddressLengthMax} characters");
        }

        var done = act(request.Address);
        return done is null ? Problems.NotFound($"no member {request.Address} (GET /api/operator/cluster lists them)") : TypedResults.Ok(done);
    }
}
