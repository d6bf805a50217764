using Microsoft.Extensions.Logging;

namespace LiveCasino.Payments.Diagnostics;

/// <summary>Source-generated log messages of the payments library (event ids 4100-4199).</summary>
internal static partial class PaymentsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Webhook {EventId} attempt {Attempt} failed ({Outcome}); next in {Backoff}")]
    public static partial void WebhookRetry(this ILogger log, string eventId, int attempt, string outcome, TimeSpan backoff);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Webhook {EventId} abandoned after {Attempts} attempts ({Outcome})")]
    public static partial void WebhookAbandoned(this ILogger log, string eventId, int attempts, string outcome);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Webhook {EventId} not sent: {Max} deliveries already in flight")]
    public static partial void WebhookOverflow(this ILogger log, string eventId, int max);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Provider {Kind} {OperationId} ({Reference}) {Status} {Reason}")]
    public static partial void ProviderResolved(this ILogger log, Gateway.PaymentKind kind, string operationId, string reference, Gateway.PaymentStatus status, string? reason);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Webhook {EventId} {Kind} {Status} for {OperationId}: {Outcome} ({Detail})")]
    public static partial void WebhookHandled(this ILogger log, string eventId, Gateway.PaymentKind kind, Gateway.PaymentStatus status, string operationId, Webhooks.WebhookOutcome outcome, string detail);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Webhook refused before handling: {Verdict}")]
    public static partial void WebhookRefused(this ILogger log, Webhooks.WebhookVerification verdict);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Error, Message = "{Kind} {OperationId} could not be submitted after {Attempts} attempts ({Detail}); the money stays held in the wallet for an operator")]
    public static partial void SubmitFailed(this ILogger log, Gateway.PaymentKind kind, string operationId, int attempts, string detail);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Wallet of {PlayerId} did not answer: {Detail}")]
    public static partial void WalletUnavailable(this ILogger log, string playerId, string detail);
}
