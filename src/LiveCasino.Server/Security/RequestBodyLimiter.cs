using LiveCasino.Server.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Security;

/// <summary>
/// Bounds every request body before anything parses it: a declared length over the endpoint's
/// <see cref="BodyLimit"/> (default <see cref="HttpEdgeOptions.RequestBodyBytesMax"/>) is refused
/// with 413 unread; a body without a declared length is read into memory up to the limit and
/// refused with 413 past it. Hub paths are left to SignalR's own message size limit.
/// </summary>
public sealed class RequestBodyLimiter(RequestDelegate next, IOptions<HttpEdgeOptions> options, IProblemDetailsService problems)
{
    private readonly int _default = options.Value.RequestBodyBytesMax;
    private readonly PathString _hubs = new(options.Value.HubPathPrefix);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Path.StartsWithSegments(_hubs) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.BytesMax ?? _default;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit; // Kestrel enforces it too
        }

        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                await TooLargeAsync(context, limit).ConfigureAwait(false);
                return;
            }
        }
        else if (!await BufferAsync(context, limit).ConfigureAwait(false))
        {
            await TooLargeAsync(context, limit).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Reads a body of unknown length into memory; false if it is longer than <paramref name="limit"/>.</summary>
    private static async Task<bool> BufferAsync(HttpContext context, int limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Request.ContentLength = buffer.Length;
        context.Response.RegisterForDispose(buffer);
        return true;
    }

    private Task TooLargeAsync(HttpContext context, int limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"this endpoint accepts at most {limit} bytes",
            },
        }).AsTask();
    }
}
