using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Wire;

/// <summary>The provider's answer to an accepted payment request (201 the first time, 200 for a repeat).</summary>
public sealed record ProviderPaymentResponse(string ProviderReference, string OperationId, PaymentKind Kind, PaymentStatus Status);
