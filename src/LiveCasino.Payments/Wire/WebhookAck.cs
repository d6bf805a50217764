namespace LiveCasino.Payments.Wire;

/// <summary>Our answer body to a webhook: what we did with it (see <c>WebhookOutcome</c>), for the provider's delivery log.</summary>
public sealed record WebhookAck(string EventId, string Outcome, string Detail);
