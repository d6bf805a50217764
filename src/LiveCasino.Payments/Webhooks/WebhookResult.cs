namespace LiveCasino.Payments.Webhooks;

/// <summary>What came of one notification, with the wallet's detail when it refused.</summary>
public sealed record WebhookResult(WebhookOutcome Outcome, string Detail);
