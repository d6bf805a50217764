using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// The WebSocket origin allowlist. Browsers do not apply CORS to WebSockets, so a page on any site
/// could open a hub connection; under <see cref="HttpEdgeOptions.HubPathPrefix"/> a request whose
/// Origin header is not in <see cref="HttpEdgeOptions.AllowedOrigins"/> is refused with 403 before
/// it reaches a hub (negotiate, WebSocket upgrade, long polling alike). Requests with no Origin
/// header come from non-browser clients (consoles, bots) and pass; they still need a token.
/// </summary>
public sealed class OriginGuard(RequestDelegate next, IOptions<HttpEdgeOptions> options, IProblemDetailsService problems)
{
    private readonly HashSet<string> _allowed = new(options.Value.EffectiveOrigins().Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
    private readonly PathString _hubs = new(options.Value.HubPathPrefix);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(_hubs) || IsAllowed(context.Request.Headers.Origin.ToString()))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Origin not allowed",
                Detail = "this origin may not open hub connections (see LiveCasino:Http:AllowedOrigins)",
            },
        }).AsTask();
    }

    /// <summary>True for no Origin header, or one in the allowlist.</summary>
    public bool IsAllowed(string origin) => string.IsNullOrEmpty(origin) || _allowed.Contains(origin.TrimEnd('/'));
}
