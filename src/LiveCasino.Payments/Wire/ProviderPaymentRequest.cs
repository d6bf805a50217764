using LiveCasino.Payments.Gateway;

namespace LiveCasino.Payments.Wire;

/// <summary>Body of <c>POST /v1/deposits</c> and <c>POST /v1/withdrawals</c> at the provider.</summary>
public sealed record ProviderPaymentRequest(string OperationId, string PlayerId, long AmountMinor, string Currency, PaymentChannel Channel);
