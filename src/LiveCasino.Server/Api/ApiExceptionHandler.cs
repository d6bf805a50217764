using System.Text.Json;
using LiveCasino.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Server.Api;

/// <summary>
/// Turns what escapes an endpoint into ProblemDetails: a request the framework could not bind
/// (malformed JSON, wrong type, missing body, bad query value) becomes 400 with the JSON path and
/// reason; a part of the node that is not ready or an actor that did not answer becomes 503 with
/// Retry-After; anything else is 500 with no internals in the answer (it is logged).
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    private const int DetailMax = 300;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", Describe(bad)),
            NodeNotReadyException notReady => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", notReady.Message),
            Akka.Actor.AskTimeoutException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "a part of the node did not answer in time; the request may or may not have been applied: repeat it with the same id to find out"),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "an unexpected error occurred; it has been logged"),
        };
        if (status >= 500)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        if (status == StatusCodes.Status500InternalServerError)
        {
            Unexpected(log, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    /// <summary>The framework's reason, with the JSON error (path, expected type) when there is one.</summary>
    private static string Describe(BadHttpRequestException bad)
    {
        var detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        return detail.Length <= DetailMax ? detail : detail[..DetailMax] + "…";
    }

    [LoggerMessage(EventId = 640, Level = LogLevel.Error, Message = "Unexpected error in {Method} {Path}")]
    private static partial void Unexpected(ILogger logger, Exception exception, string method, string path);
}
