namespace LiveCasino.Payments.Gateway;

/// <summary>
/// The payment provider as we call it, for every channel (card, bank transfer, e-wallet). Each call
/// is one attempt and idempotent by <see cref="PaymentRequest.OperationId"/>: repeating it returns
/// the same provider reference and starts nothing new. The outcome arrives later, by webhook.
/// Retrying is the caller's choice (see <c>PaymentsService</c>); implementations never throw for
/// provider or network trouble, they answer <see cref="GatewayStatus.Unavailable"/>.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Asks the provider to collect <see cref="PaymentRequest.Amount"/> from the player into our clearing account.</summary>
    Task<GatewayResult> StartDepositAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the provider to pay <see cref="PaymentRequest.Amount"/> out to the player.</summary>
    Task<GatewayResult> StartWithdrawalAsync(PaymentRequest request, CancellationToken cancellationToken);
}
