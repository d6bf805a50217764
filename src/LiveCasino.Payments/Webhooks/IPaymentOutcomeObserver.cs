using LiveCasino.Payments.Wire;

namespace LiveCasino.Payments.Webhooks;

/// <summary>Told of every verified notification and what came of it (PaymentsService keeps its payment states this way).</summary>
public interface IPaymentOutcomeObserver
{
    void OnNotification(PaymentNotification notification, WebhookOutcome outcome);
}
