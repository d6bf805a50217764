using LiveCasino.Payments.Webhooks;
using LiveCasino.Payments.Wire;

namespace LiveCasino.Payments.Tests.Support;

/// <summary>
/// Forwards webhook outcomes to the PaymentsService created after the webhook host started: with
/// free ports the provider's address is known only once it runs, and it needs the webhook URL first.
/// (A server with configured addresses registers PaymentsService directly.)
/// </summary>
public sealed class DeferredObserver : IPaymentOutcomeObserver
{
    public IPaymentOutcomeObserver? Target { get; set; }

    public void OnNotification(PaymentNotification notification, WebhookOutcome outcome) => Target?.OnNotification(notification, outcome);
}
