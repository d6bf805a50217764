using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Wire;

/// <summary>
/// The webhook body the provider posts when a payment reaches a terminal state. <see cref="EventId"/>
/// is unique per event and repeated verbatim when the provider re-sends (retry or duplicate), so the
/// receiver derives its idempotent wallet operation ids from it. <see cref="OperationId"/> and
/// <see cref="PlayerId"/> echo what we sent, so the notification finds its wallet and its deposit or
/// withdrawal.
/// </summary>
public sealed record PaymentNotification(
    string EventId,
    string ProviderReference,
    string OperationId,
    string PlayerId,
    PaymentKind Kind,
    PaymentStatus Status,
    long AmountMinor,
    string Currency,
    PaymentChannel Channel,
    string? Reason,
    DateTimeOffset OccurredAt);
