using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Reconciliation;

/// <summary>One line of the provider's settlement report: a payment as the provider sees it.</summary>
public sealed record SettlementRow(
    string ProviderReference,
    string OperationId,
    string PlayerId,
    PaymentKind Kind,
    long AmountMinor,
    string Currency,
    PaymentStatus Status,
    DateTimeOffset Time);
