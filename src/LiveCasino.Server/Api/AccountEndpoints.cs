using System.Security.Claims;
using LiveCasino.Server.Accounts;
using LiveCasino.Server.Api.Contracts;
using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using LiveCasino.Server.Wallets;
using LiveCasino.Wallets.Protocol;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Api;

/// <summary>
/// /api/accounts: register, login, refresh (rotating), logout, change password, me; and
/// /api/consoles/login for dealer consoles. Tokens are written by the BearerToken handler
/// (<see cref="AccessTokenResponse"/>: accessToken, expiresIn, refreshToken).
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Operation id of the wallet opening made at registration (idempotent).</summary>
    public const string OpenWalletOperation = "open";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var anonymous = api.MapGroup("/accounts").WithTags("Accounts").RequireRateLimiting(RateLimitPolicies.Auth).AllowAnonymous();
        anonymous.MapPost("/register", RegisterAsync).WithSummary("Create a player account (and its wallet).");
        anonymous.MapPost("/login", LoginAsync).WithSummary("Log in; answers an access token and a refresh token.").Produces<AccessTokenResponse>();
        anonymous.MapPost("/refresh", RefreshAsync).WithSummary("Spend a refresh token for new tokens; a spent one revokes the session.").Produces<AccessTokenResponse>();

        var signedIn = api.MapGroup("/accounts").WithTags("Accounts").RequireRateLimiting(RateLimitPolicies.Api).RequireAuthorization();
        signedIn.MapPost("/logout", LogoutAsync).WithSummary("End this session: its tokens stop working at once.");
        signedIn.MapPost("/password", ChangePasswordAsync).WithSummary("Change the password, by default ending every other session.");
        signedIn.MapGet("/me", MeAsync).WithSummary("The account and session of this token.");

        api.MapGroup("/consoles").WithTags("Consoles").RequireRateLimiting(RateLimitPolicies.Auth).AllowAnonymous()
            .MapPost("/login", ConsoleLoginAsync).WithSummary("Log a dealer console in with its id and API key.").Produces<AccessTokenResponse>();
    }

    private static async Task<Results<Created<RegisteredResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountService accounts, WalletRuntime wallets, IOptions<WalletApiOptions> walletOptions, CancellationToken cancellationToken)
    {
        var result = await accounts.RegisterAsync(request.Username, request.Password, AccountRole.Player, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case RegisterOutcome.Invalid:
                return Problems.BadRequest(result.Problem!);
            case RegisterOutcome.NameTaken:
                return Problems.Conflict(result.Problem!);
        }

        var account = result.Account!;
        var currency = walletOptions.Value.Currency;
        await wallets.Directory.AskAsync(account.AccountId, new OpenWallet(OpenWalletOperation, currency), cancellationToken).ConfigureAwait(false);
        return TypedResults.Created("/api/accounts/me", new RegisteredResponse(account.AccountId, account.LoginName, Roles.Name(account.Role)));
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        if (!LoginNames.IsValidUsername(request.Username) || request.Password.Length > 1_024)
        {
            return Problems.Unauthorized("wrong username or password");
        }

        var result = await accounts.LoginAsync(LoginNames.UserKey(request.Username), request.Password, ClientAddress.Of(context), cancellationToken).ConfigureAwait(false);
        return SignInOr(result, context);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> ConsoleLoginAsync(
        ConsoleLoginRequest request, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        if (!LoginNames.IsValidConsoleId(request.ConsoleId) || request.ApiKey.Length > 1_024)
        {
            return Problems.Unauthorized("wrong console id or key");
        }

        var result = await accounts.LoginAsync(LoginNames.ConsoleKey(request.ConsoleId), request.ApiKey, ClientAddress.Of(context), cancellationToken).ConfigureAwait(false);
        return SignInOr(result, context);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, RefreshTokens tokens, AccountService accounts, CancellationToken cancellationToken)
    {
        if (tokens.Read(request.RefreshToken) is not { } principal)
        {
            return Problems.Unauthorized("the refresh token is invalid or expired; log in again");
        }

        var result = await accounts.RefreshAsync(principal, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            RefreshOutcome.Refreshed => SignIn(result.Principal!),
            RefreshOutcome.Reused => Problems.Unauthorized("this refresh token was already used: the session has been revoked; log in again"),
            _ => Problems.Unauthorized("the session has ended; log in again"),
        };
    }

    private static async Task<NoContent> LogoutAsync(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        await accounts.LogoutAsync(user.SessionOf()!, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal user, AccountService accounts, HttpContext context, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Dealer))
        {
            return Problems.Forbidden("a console's key is rotated by an operator");
        }

        var result = await accounts.ChangePasswordAsync(user.SessionOf()!, request.CurrentPassword, request.NewPassword, request.EndOtherSessions, ClientAddress.Of(context), cancellationToken)
            .ConfigureAwait(false);
        return result.Outcome switch
        {
            ChangeSecretOutcome.Changed => TypedResults.NoContent(),
            ChangeSecretOutcome.WrongPassword => Problems.BadRequest("the current password is wrong"),
            ChangeSecretOutcome.Locked => Problems.TooMany(context, result.RetryAfter, "too many wrong passwords"),
            ChangeSecretOutcome.Conflict => Problems.Conflict(result.Problem!),
            _ => Problems.BadRequest(result.Problem!),
        };
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var session = user.SessionOf()!;
        var reply = await accounts.GetAsync(session.AccountKey, cancellationToken).ConfigureAwait(false);
        if (!reply.IsOk)
        {
            return Problems.NotFound("the account no longer exists");
        }

        var a = reply.Account!;
        return TypedResults.Ok(new MeResponse(a.AccountId, a.LoginName, Roles.Name(a.Role), a.StudioId, session.SessionId, a.ActiveSessions));
    }

    private static Results<SignInHttpResult, ProblemHttpResult> SignInOr(LoginResult result, HttpContext context) => result.Outcome switch
    {
        LoginOutcome.SignedIn => SignIn(result.Principal!),
        LoginOutcome.Locked => Problems.TooMany(context, result.RetryAfter, "too many failed logins for this account from this client"),
        _ => Problems.Unauthorized("wrong username or password"),
    };

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) => TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
}
