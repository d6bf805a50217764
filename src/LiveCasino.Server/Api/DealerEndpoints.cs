using System.Security.Claims;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/dealer: dealer consoles only, and each only in its own studio (the
/// <see cref="AuthPolicies.SameStudio"/> resource check the dealer hub applies to every table too).
/// </summary>
public static class DealerEndpoints
{
    public static void MapDealerEndpoints(this IEndpointRouteBuilder api)
    {
        var dealer = api.MapGroup("/dealer").WithTags("Dealer").RequireAuthorization(AuthPolicies.Dealer).RequireRateLimiting(RateLimitPolicies.Api);
        dealer.MapGet("/studios/{studioId}", StudioAsync).WithSummary("My studio, as this console sees it; another studio is 403.");
    }

    private static async Task<Results<Ok<DealerStudioResponse>, ProblemHttpResult>> StudioAsync(
        string studioId, ClaimsPrincipal user, IAuthorizationService authorization)
    {
        if (!LoginNames.IsValidStudio(studioId))
        {
            return Problems.BadRequest("studioId " + LoginNames.StudioRule);
        }

        var verdict = await authorization.AuthorizeAsync(user, studioId, AuthPolicies.SameStudio).ConfigureAwait(false);
        return verdict.Succeeded
            ? TypedResults.Ok(new DealerStudioResponse(studioId, user.AccountIdOf()!))
            : Problems.Forbidden($"this console belongs to another studio than {studioId}");
    }
}
