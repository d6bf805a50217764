using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Simulator;

/// <summary>A payment as the simulated provider records it; a new value replaces the old on each change.</summary>
public sealed record ProviderPayment(
    string ProviderReference,
    string OperationId,
    string PlayerId,
    PaymentKind Kind,
    long AmountMinor,
    string Currency,
    PaymentChannel Channel,
    PaymentStatus Status,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Same request content (what makes a repeat with the same operation id idempotent rather than a conflict).</summary>
    public bool SameRequestAs(PaymentKind kind, PaymentRequest request) =>
        kind == Kind && request.PlayerId == PlayerId && request.Amount.Minor == AmountMinor
        && request.Amount.Currency == Currency && request.Channel == Channel;
}
