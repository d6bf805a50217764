namespace LiveCasino.Payments.Simulator;

/// <summary>Counters of the simulated provider, for tests and the sample's console.</summary>
public sealed record ProviderStats(
    long RequestsReceived,
    long RequestsRefusedWhileDown,
    long PaymentsCreated,
    long PaymentsResolved,
    long WebhookAttempts,
    long WebhooksDelivered,
    long WebhookAttemptsFailed,
    long DuplicatesSent,
    long Reordered,
    long DeliveriesAbandoned,
    int DeliveriesInFlight);
