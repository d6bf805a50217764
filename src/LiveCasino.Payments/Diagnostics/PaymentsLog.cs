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
}
