using LiveCasino.Server.Options;
using LiveCasino.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Hosting;

/// <summary>
/// The request pipeline of the node, in order: forwarded headers (trusted proxies only), errors as
/// ProblemDetails, HTTPS redirect/HSTS when configured, routing, the WebSocket origin allowlist,
/// CORS, body limits, authentication (token + live session check), rate limits, authorization.
/// Endpoints (API, health, and later hubs) are mapped after it.
/// </summary>
public static class EdgePipeline
{
    public static WebApplication UseLiveCasinoEdge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var http = app.Services.GetRequiredService<IOptions<HttpEdgeOptions>>().Value;
        if (http.TrustedProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
            foreach (var proxy in http.TrustedProxies)
            {
                forwarded.KnownProxies.Add(ClientAddress.Parse(proxy)!);
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (http.RedirectToHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseRouting();
        app.UseMiddleware<OriginGuard>();
        app.UseCors(SecurityServiceCollectionExtensions.CorsPolicy);
        app.UseMiddleware<RequestBodyLimiter>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseWebSockets();
        return app;
    }
}
