using System.Text.Json;
using LiveCasino.Payments.Diagnostics;
using LiveCasino.Payments.Wallet;
using LiveCasino.Payments.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LiveCasino.Payments.Webhooks;

/// <summary>
/// Hosts the provider's webhooks in any ASP.NET Core app: <c>services.AddPaymentWebhooks(...)</c>
/// then <c>app.MapPaymentWebhooks()</c>. The endpoint reads the raw body (bounded), verifies the
/// signature before parsing anything (401 and nothing changes otherwise), hands the notification to
/// <see cref="PaymentWebhookHandler"/> and answers 200 with what it did, or 503 when the wallet did
/// not answer so that the provider retries.
/// </summary>
public static class PaymentWebhookEndpoints
{
    public const string DefaultPattern = "/webhooks/payments";

    /// <summary>
    /// Registers <see cref="WebhookVerifier"/> and <see cref="PaymentWebhookHandler"/> as singletons.
    /// The host registers an <see cref="IWalletClient"/>; a <see cref="TimeProvider"/> and an
    /// <see cref="IPaymentOutcomeObserver"/> are used when registered.
    /// </summary>
    public static IServiceCollection AddPaymentWebhooks(this IServiceCollection services, WebhookVerifierOptions verifier, PaymentWebhookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(verifier);
        verifier.Validate();
        options = (options ?? new PaymentWebhookOptions()).Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WebhookVerifier(verifier, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PaymentWebhookHandler(
            sp.GetRequiredService<IWalletClient>(),
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PaymentWebhookHandler>>(),
            sp.GetService<IPaymentOutcomeObserver>()));
        return services;
    }

    /// <summary>Maps <c>POST {pattern}</c> to the webhook receiver.</summary>
    public static RouteHandlerBuilder MapPaymentWebhooks(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<PaymentWebhookHandler>();
        var verifier = endpoints.ServiceProvider.GetRequiredService<WebhookVerifier>();
        var log = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentWebhookEndpoints).FullName!);
        return endpoints.MapPost(pattern, (HttpRequest request) => ReceiveAsync(request, handler, verifier, log));
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, PaymentWebhookHandler handler, WebhookVerifier verifier, ILogger log)
    {
        var body = await ReadBoundedAsync(request, handler.Options.BodyBytesMax).ConfigureAwait(false);
        if (body is null)
        {
            return Ack(StatusCodes.Status413PayloadTooLarge, "", "too_large", $"body over {handler.Options.BodyBytesMax} bytes");
        }

        var verdict = verifier.Verify(request.Headers[WebhookSignature.HeaderName].ToString(), body);
        handler.CountVerdict(verdict);
        if (verdict != WebhookVerification.Valid)
        {
            log.WebhookRefused(verdict);
            return Ack(StatusCodes.Status401Unauthorized, "", "rejected", verdict.ToString());
        }

        PaymentNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize(body, PaymentsJsonContext.Default.PaymentNotification);
        }
        catch (JsonException e)
        {
            return Ack(StatusCodes.Status400BadRequest, "", "bad_json", e.Message);
        }

        var problem = notification is null ? "empty body" : PaymentWebhookHandler.Problem(notification);
        if (problem is not null)
        {
            return Ack(StatusCodes.Status400BadRequest, notification?.EventId ?? "", "bad_notification", problem);
        }

        var result = await handler.HandleAsync(notification!, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var status = result.Outcome == WebhookOutcome.WalletUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return Ack(status, notification!.EventId, Name(result.Outcome), result.Detail);
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int max)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The stable snake_case name of an outcome, as answered to the provider.</summary>
    public static string Name(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Applied => "applied",
        WebhookOutcome.AlreadyResolved => "already_resolved",
        WebhookOutcome.UnknownPayment => "unknown_payment",
        WebhookOutcome.Refused => "refused",
        WebhookOutcome.Ignored => "ignored",
        WebhookOutcome.WalletUnavailable => "wallet_unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static IResult Ack(int status, string eventId, string outcome, string detail) =>
        TypedResults.Json(new WebhookAck(eventId, outcome, detail), PaymentsJsonContext.Default.WebhookAck, statusCode: status);
}
