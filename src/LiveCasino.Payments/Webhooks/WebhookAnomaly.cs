using LiveCasino.Payments.Wire;

namespace LiveCasino.Payments.Webhooks;

/// <summary>A verified notification that could not be applied (unknown payment, refused): kept for the operator.</summary>
public sealed record WebhookAnomaly(PaymentNotification Notification, WebhookOutcome Outcome, string Detail, DateTimeOffset At);
