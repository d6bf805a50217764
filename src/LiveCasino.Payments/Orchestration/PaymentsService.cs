using LiveCasino.Payments.Diagnostics;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Retry;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Wallet;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Payments.Wire;
using LiveCasino.Wallets.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveCasino.Payments.Orchestration;

/// <summary>
/// Runs deposits and withdrawals across the wallet and the provider, money first:
/// deposit = wallet <see cref="BeginDeposit"/> (pending credit) then gateway StartDeposit;
/// withdrawal = wallet <see cref="RequestWithdrawal"/> (reserve) then gateway StartWithdrawal.
/// The wallet step comes first so that the provider's webhook always finds the deposit or
/// withdrawal it confirms. Submissions are retried with backoff; when the provider stays down the
/// payment ends in <see cref="PaymentState.SubmitFailed"/>, its money still held by the wallet, and
/// <see cref="NeedingOperator"/> lists it. Every step is idempotent by the operation id, so running
/// a payment again (<see cref="ResubmitAsync"/>, or the same call again) never moves money twice.
/// States live in memory; the money lives in the wallet journal, and reconciliation finds anything
/// a restart forgot.
/// </summary>
public sealed class PaymentsService : IPaymentOutcomeObserver
{
    private const string ProviderRejectedPrefix = "psp-rejected:";

    private readonly IWalletClient _wallet;
    private readonly IPaymentGateway _gateway;
    private readonly PaymentsServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly PaymentRecordBook _records;

    public PaymentsService(IWalletClient wallet, IPaymentGateway gateway, PaymentsServiceOptions options, TimeProvider time, ILogger<PaymentsService>? log = null)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _wallet = wallet;
        _gateway = gateway;
        _options = options.Validate();
        _time = time;
        _log = (ILogger?)log ?? NullLogger.Instance;
        _records = new PaymentRecordBook(options.RecordsMax);
    }

    public Task<PaymentRecord> DepositAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        StartAsync(PaymentKind.Deposit, request, cancellationToken);

    public Task<PaymentRecord> WithdrawAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        StartAsync(PaymentKind.Withdrawal, request, cancellationToken);

    /// <summary>Runs a payment that needs an operator (<see cref="PaymentRecord.NeedsOperator"/>) again, wallet step included; idempotent.</summary>
    public async Task<PaymentRecord> ResubmitAsync(string operationId, CancellationToken cancellationToken)
    {
        var record = _records.Find(operationId) ?? throw new KeyNotFoundException($"No payment {operationId} is tracked.");
        return record.IsFinal ? record : await RunAsync(record, cancellationToken).ConfigureAwait(false);
    }

    public PaymentRecord? Find(string operationId) => _records.Find(operationId);

    /// <summary>Payments holding money that the provider does not have: submit failed, or the wallet did not answer.</summary>
    public IReadOnlyList<PaymentRecord> NeedingOperator => _records.Where(r => r.NeedsOperator);

    /// <summary>Webhook results (from <see cref="PaymentWebhookHandler"/>) move tracked payments to Completed or Failed.</summary>
    public void OnNotification(PaymentNotification notification, WebhookOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (outcome != WebhookOutcome.Applied || notification.Status == PaymentStatus.Pending)
        {
            return;
        }

        _records.Update(notification.OperationId, r => r.Kind != notification.Kind ? null : r with
        {
            State = notification.Status == PaymentStatus.Completed ? PaymentState.Completed : PaymentState.Failed,
            ProviderReference = notification.ProviderReference,
            Detail = notification.Reason ?? "completed",
            UpdatedAt = _time.GetUtcNow(),
        });
    }

    private async Task<PaymentRecord> StartAsync(PaymentKind kind, PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var fresh = new PaymentRecord(kind, request, PaymentState.Submitting, null, 0, "started", _time.GetUtcNow());
        var record = _records.GetOrAdd(fresh)
            ?? throw new InvalidOperationException($"{_options.RecordsMax} payments are unfinished; refusing {request.OperationId} until some finish.");
        if (record.Kind != kind || record.Request != request)
        {
            // Not stored: the first payment with this id keeps its record.
            return fresh with { State = PaymentState.WalletRejected, Detail = $"operation id {request.OperationId} was already used with other content" };
        }

        return record.State is PaymentState.Submitting or PaymentState.SubmitFailed or PaymentState.WalletUnavailable
            ? await RunAsync(record, cancellationToken).ConfigureAwait(false)
            : record;
    }

    private async Task<PaymentRecord> RunAsync(PaymentRecord record, CancellationToken cancellationToken)
    {
        var request = record.Request;
        var reply = await AskWalletAsync(request.PlayerId, WalletStep(record.Kind, request), cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return Set(record, PaymentState.WalletUnavailable, "the wallet did not answer");
        }

        if (reply is WalletRejected rejected)
        {
            return Set(record, PaymentState.WalletRejected, $"{rejected.Reason}: {rejected.Detail}");
        }

        for (var attempt = 1; ; attempt++)
        {
            var result = record.Kind == PaymentKind.Deposit
                ? await _gateway.StartDepositAsync(request, cancellationToken).ConfigureAwait(false)
                : await _gateway.StartWithdrawalAsync(request, cancellationToken).ConfigureAwait(false);
            _records.Update(request.OperationId, r => r with { SubmitAttempts = r.SubmitAttempts + 1 });
            switch (result.Status)
            {
                case GatewayStatus.Accepted:
                    return _records.Update(request.OperationId, r => r.State == PaymentState.AwaitingProvider ? null : r with
                    {
                        State = PaymentState.AwaitingProvider, ProviderReference = result.ProviderReference, Detail = "accepted", UpdatedAt = _time.GetUtcNow(),
                    })!;
                case GatewayStatus.Rejected:
                    return await ReleaseAsync(record, result.Detail, cancellationToken).ConfigureAwait(false);
            }

            if (attempt >= _options.SubmitAttempts)
            {
                _log.SubmitFailed(record.Kind, request.OperationId, attempt, result.Detail);
                return Set(record, PaymentState.SubmitFailed, $"provider unavailable after {attempt} attempts: {result.Detail}");
            }

            var jitter = SeededRandom.For(attempt, request.OperationId);
            await Task.Delay(ExponentialBackoff.Delay(_options.RetryDelayInitial, _options.RetryDelayMax, attempt, 0.2, jitter), _time, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>The provider refused for good: fail the pending deposit or release the reserved withdrawal.</summary>
    private async Task<PaymentRecord> ReleaseAsync(PaymentRecord record, string why, CancellationToken cancellationToken)
    {
        var id = ProviderRejectedPrefix + record.OperationId;
        var reason = "provider rejected: " + why;
        reason = reason.Length > 200 ? reason[..200] : reason;
        WalletCommand command = record.Kind == PaymentKind.Deposit
            ? new FailDeposit(id, record.OperationId, reason)
            : new RefuseWithdrawal(id, record.OperationId, reason);
        var reply = await AskWalletAsync(record.Request.PlayerId, command, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            WalletAccepted or WalletRejected { Reason: WalletRejection.AlreadySettled } => Set(record, PaymentState.ProviderRejected, reason),
            null => Set(record, PaymentState.SubmitFailed, reason + "; releasing the wallet hold did not get an answer: resubmit"),
            WalletRejected r => Set(record, PaymentState.SubmitFailed, $"{reason}; the wallet refused the release ({r.Reason}: {r.Detail})"),
            _ => throw new InvalidOperationException($"Unexpected wallet reply {reply.GetType().Name}."),
        };
    }

    private static WalletCommand WalletStep(PaymentKind kind, PaymentRequest request) =>
        kind == PaymentKind.Deposit
            ? new BeginDeposit(request.OperationId, request.Amount, WireNames.Of(request.Channel))
            : new RequestWithdrawal(request.OperationId, request.Amount, WireNames.Of(request.Channel));

    /// <summary>The wallet's reply, or null when it did not answer (timeout, stopped).</summary>
    private async Task<WalletReply?> AskWalletAsync(string playerId, WalletCommand command, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.WalletTimeout);
        try
        {
            return await _wallet.AskAsync(playerId, command, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or Akka.Actor.AskTimeoutException or InvalidOperationException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _log.WalletUnavailable(playerId, e.Message);
            return null;
        }
    }

    private PaymentRecord Set(PaymentRecord record, PaymentState state, string detail) =>
        _records.Update(record.OperationId, r => r with { State = state, Detail = detail, UpdatedAt = _time.GetUtcNow() })!;
}
