using System.Security.Claims;
using LiveCasino.Server.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace LiveCasino.Server.Security;

/// <summary>Succeeds <see cref="SameStudioRequirement"/> when the caller is a dealer console of exactly that studio.</summary>
public sealed class SameStudioHandler : AuthorizationHandler<SameStudioRequirement, string>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameStudioRequirement requirement, string resource)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CanReach(context.User, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>True when <paramref name="user"/> is a console of <paramref name="studioId"/>; usable directly by hubs.</summary>
    public static bool CanReach(ClaimsPrincipal user, string studioId) =>
        user is not null && user.IsInRole(Roles.Dealer) && user.StudioOf() is { } own && string.Equals(own, studioId, StringComparison.Ordinal);
}
