using System.Globalization;
using System.Threading.RateLimiting;
using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// ASP.NET Core rate limiting for the API: fixed windows per client address on the auth endpoints,
/// per account (or address when anonymous) elsewhere; a spent window answers 429 with Retry-After
/// and ProblemDetails, and nothing is queued.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Register, login, refresh, console login: per client address.</summary>
    public const string Auth = "auth";

    /// <summary>Every other API call: per account, or per address when anonymous.</summary>
    public const string Api = "api";

    public static IServiceCollection AddLiveCasinoRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Auth, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = l.AuthPermits, Window = l.AuthWindow, QueueLimit = 0 }));
            o.AddPolicy(Api, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.AccountIdOf() is { } account ? "account:" + account : "address:" + ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = l.ApiPermits, Window = l.ApiWindow, QueueLimit = 0 }));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var detail = "too many requests from this client; slow down";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail += $"; retry after {seconds} s";
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        }).ConfigureAwait(false);
    }
}
