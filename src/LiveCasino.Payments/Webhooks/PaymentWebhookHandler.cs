using LiveCasino.Payments.Diagnostics;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Wallet;
using LiveCasino.Payments.Wire;
using LiveCasino.Wallets.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveCasino.Payments.Webhooks;

/// <summary>
/// Turns a verified provider notification into the wallet command it stands for: completed deposit
/// → <see cref="ConfirmDeposit"/>, failed deposit → <see cref="FailDeposit"/>, paid withdrawal →
/// <see cref="ConfirmWithdrawal"/>, refused withdrawal → <see cref="RefuseWithdrawal"/>. The
/// command's operation id is made from the provider's event id ("psp:" + event id), so a duplicate
/// delivery is the same operation and the wallet answers it as the first time: one effect per event.
/// The wallet resolves a deposit or withdrawal at most once, so a different event arriving later
/// (out of order, re-issued, or contradicting, e.g. "failed" after "completed") is answered
/// AlreadySettled and changes nothing. Thread-safe; the wallet serializes per player.
/// </summary>
public sealed class PaymentWebhookHandler
{
    private readonly IWalletClient _wallet;
    private readonly PaymentWebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly IPaymentOutcomeObserver? _observer;
    private readonly Lock _gate = new();
    private readonly Queue<WebhookAnomaly> _anomalies = new();
    private readonly long[] _outcomes = new long[Enum.GetValues<WebhookOutcome>().Length];
    private readonly long[] _verdicts = new long[Enum.GetValues<WebhookVerification>().Length];

    public PaymentWebhookHandler(
        IWalletClient wallet, PaymentWebhookOptions options, TimeProvider time, ILogger<PaymentWebhookHandler>? log = null, IPaymentOutcomeObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _wallet = wallet;
        _options = options.Validate();
        _time = time;
        _log = (ILogger?)log ?? NullLogger.Instance;
        _observer = observer;
    }

    public PaymentWebhookOptions Options => _options;

    /// <summary>The most recent notifications that were not applied (unknown, refused, or for a payment already resolved), oldest first.</summary>
    public IReadOnlyList<WebhookAnomaly> Anomalies
    {
        get
        {
            lock (_gate)
            {
                return [.. _anomalies];
            }
        }
    }

    /// <summary>How many notifications ended with <paramref name="outcome"/>.</summary>
    public long Count(WebhookOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    /// <summary>How many requests the endpoint's verifier judged <paramref name="verdict"/>.</summary>
    public long Count(WebhookVerification verdict) => Interlocked.Read(ref _verdicts[(int)verdict]);

    /// <summary>The wallet operation id a provider event maps to.</summary>
    public string OperationIdFor(string eventId) => _options.OperationIdPrefix + eventId;

    /// <summary>A problem with the notification's fields, or null when it is well formed.</summary>
    public static string? Problem(PaymentNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        try
        {
            PaymentRequest.ValidateId(n.EventId, nameof(n.EventId));
            PaymentRequest.ValidateId(n.OperationId, nameof(n.OperationId));
            PaymentRequest.ValidateId(n.PlayerId, nameof(n.PlayerId));
            PaymentRequest.ValidateId(n.ProviderReference, nameof(n.ProviderReference));
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        return !Enum.IsDefined(n.Kind) ? "unknown kind"
            : !Enum.IsDefined(n.Status) ? "unknown status"
            : n.Reason is { Length: > 200 } ? "reason longer than 200 characters"
            : null;
    }

    internal void CountVerdict(WebhookVerification verdict) => Interlocked.Increment(ref _verdicts[(int)verdict]);

    /// <summary>Applies one verified notification to the player's wallet.</summary>
    public async Task<WebhookResult> HandleAsync(PaymentNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (Problem(notification) is { } problem)
        {
            throw new ArgumentException($"Malformed notification: {problem}", nameof(notification));
        }

        var result = await ApplyAsync(notification, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _outcomes[(int)result.Outcome]);
        _log.WebhookHandled(notification.EventId, notification.Kind, notification.Status, notification.OperationId, result.Outcome, result.Detail);
        // A late or contradicting event is kept too: the operator sees "failed" arriving after "completed".
        if (result.Outcome is WebhookOutcome.UnknownPayment or WebhookOutcome.Refused or WebhookOutcome.AlreadyResolved)
        {
            lock (_gate)
            {
                if (_anomalies.Count == _options.AnomaliesMax)
                {
                    _anomalies.Dequeue();
                }

                _anomalies.Enqueue(new WebhookAnomaly(notification, result.Outcome, result.Detail, _time.GetUtcNow()));
            }
        }

        _observer?.OnNotification(notification, result.Outcome);
        return result;
    }

    private async Task<WebhookResult> ApplyAsync(PaymentNotification n, CancellationToken cancellationToken)
    {
        if (n.Status == PaymentStatus.Pending)
        {
            return new WebhookResult(WebhookOutcome.Ignored, "pending is not a terminal status");
        }

        var id = OperationIdFor(n.EventId);
        var reason = n.Reason ?? "failed";
        WalletCommand command = (n.Kind, n.Status) switch
        {
            (PaymentKind.Deposit, PaymentStatus.Completed) => new ConfirmDeposit(id, n.OperationId, n.ProviderReference),
            (PaymentKind.Deposit, _) => new FailDeposit(id, n.OperationId, reason),
            (PaymentKind.Withdrawal, PaymentStatus.Completed) => new ConfirmWithdrawal(id, n.OperationId, n.ProviderReference),
            _ => new RefuseWithdrawal(id, n.OperationId, reason),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.WalletTimeout);
        WalletReply reply;
        try
        {
            reply = await _wallet.AskAsync(n.PlayerId, command, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException or InvalidOperationException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WebhookResult(WebhookOutcome.WalletUnavailable, e.Message);
        }

        return reply switch
        {
            WalletAccepted => new WebhookResult(WebhookOutcome.Applied, "applied"),
            WalletRejected { Reason: WalletRejection.AlreadySettled } r => new WebhookResult(WebhookOutcome.AlreadyResolved, r.Detail),
            WalletRejected { Reason: WalletRejection.Unknown } r => new WebhookResult(WebhookOutcome.UnknownPayment, r.Detail),
            WalletRejected r => new WebhookResult(WebhookOutcome.Refused, $"{r.Reason}: {r.Detail}"),
            _ => throw new InvalidOperationException($"Unexpected wallet reply {reply.GetType().Name}."),
        };
    }
}
