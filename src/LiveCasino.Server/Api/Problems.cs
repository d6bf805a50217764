using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCasino.Server.Api;

/// <summary>The API's error answers: RFC 9457 ProblemDetails with a title per kind and a detail that says what to fix.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => Make(StatusCodes.Status400BadRequest, "Invalid request", detail);

    public static ProblemHttpResult Unauthorized(string detail) => Make(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Forbidden(string detail) => Make(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) => Make(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Unprocessable(string detail) => Make(StatusCodes.Status422UnprocessableEntity, "Refused", detail);

    public static ProblemHttpResult Unavailable(string detail) => Make(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    /// <summary>429 with Retry-After in whole seconds (at least 1).</summary>
    public static ProblemHttpResult TooMany(HttpContext context, TimeSpan retryAfter, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Make(StatusCodes.Status429TooManyRequests, "Too many requests", $"{detail}; retry after {seconds} s");
    }

    private static ProblemHttpResult Make(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
