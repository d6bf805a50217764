using System.Text.Encodings.Web;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// The node's authentication scheme (the default for endpoints and hubs): it lets ASP.NET Core's
/// BearerToken handler read and check the token (signature by Data Protection, expiry), then asks
/// the account actor whether the token's session is still active. A logged-out, revoked, evicted
/// or expired session, a disabled account, or a check that cannot be made (node stopping, timeout)
/// fails authentication: tokens are revoked for real, fail closed. Challenges and forbids answer
/// with ProblemDetails.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountDirectory accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LiveCasino";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var inner = await Context.AuthenticateAsync(BearerTokenDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (inner.None)
        {
            return AuthenticateResult.NoResult();
        }

        if (!inner.Succeeded)
        {
            return AuthenticateResult.Fail("the token is invalid or expired");
        }

        if (inner.Principal.SessionOf() is not { } session)
        {
            return AuthenticateResult.Fail("the token names no session");
        }

        bool active;
        try
        {
            active = await accounts.IsSessionActiveAsync(session, Context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Akka.Actor.AskTimeoutException or TimeoutException or NodeNotReadyException or InvalidOperationException)
        {
            return AuthenticateResult.Fail("the session could not be checked; try again");
        }

        return active
            ? AuthenticateResult.Success(new AuthenticationTicket(inner.Principal, inner.Properties, Scheme.Name))
            : AuthenticateResult.Fail("the session has ended (logged out, revoked or expired)");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure?.Message ?? "a bearer token is required").ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteAsync(StatusCodes.Status403Forbidden, "Forbidden", "this account's role may not do this");
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
