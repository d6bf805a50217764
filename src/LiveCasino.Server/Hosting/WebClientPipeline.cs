using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace LiveCasino.Server.Hosting;

/// <summary>
/// Serves the web client (the pages in wwwroot/, plain ES modules; the SignalR browser client is
/// copied into wwwroot/lib/ by the build). "/" is the lobby. Pages get a content security policy
/// that lets scripts, styles and connections come only from this node (hub WebSockets included);
/// media and frames may come from anywhere, since a table's video feed is hosted elsewhere.
/// </summary>
public static class WebClientPipeline
{
    /// <summary>Sent with every static file; pages may not be framed by other sites.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' ws: wss:; media-src * blob: data:; frame-src *; frame-ancestors 'none'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseLiveCasinoWebClient(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Pages and modules change with every deploy and are small: always revalidate.
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
