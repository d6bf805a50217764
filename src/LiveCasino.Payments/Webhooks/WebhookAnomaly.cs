using LiveCasino.Payments.Wire;

namespace LiveCasino.Payments.Webhooks;

/// <summary>A verified notification that was not applied (unknown payment, refused, payment already resolved): kept for the operator.</summary>
public sealed record WebhookAnomaly(PaymentNotification Notification, WebhookOutcome Outcome, string Detail, DateTimeOffset At);
