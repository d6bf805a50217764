using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Tests.Support;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Payments.Wire;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Tests;

/// <summary>
/// The webhook endpoint over real HTTP with the real wallet actor behind it. The test plays a
/// misbehaving provider: forged, stale, repeated, re-issued and contradicting notifications.
/// </summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private PaymentsNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = await PaymentsNode.StartAsync(JournalKind.InMemory, new PaymentProviderOptions { Seed = 1 });
        await _node.OpenAsync("alice");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static PaymentNotification Notice(string eventId, string operationId, PaymentStatus status, PaymentKind kind = PaymentKind.Deposit, long minor = 5_000) =>
        new(eventId, "psp_" + operationId, operationId, "alice", kind, status, minor, "EUR", PaymentChannel.Card,
            status == PaymentStatus.Failed ? "card_declined" : null, DateTimeOffset.UtcNow);

    private async Task<(HttpStatusCode Status, WebhookAck Ack)> PostAsync(PaymentNotification n, Func<byte[], string?>? sign = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(n, PaymentsJsonContext.Default.PaymentNotification);
        return await PostRawAsync(body, (sign ?? (b => WebhookSignature.Sign(PaymentsNode.Secret, DateTimeOffset.UtcNow, b)))(body));
    }

    private async Task<(HttpStatusCode Status, WebhookAck Ack)> PostRawAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _node.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        using var response = await _node.Http.SendAsync(request);
        var ack = await response.Content.ReadFromJsonAsync(PaymentsJsonContext.Default.WebhookAck);
        return (response.StatusCode, ack!);
    }

    private async Task BeginDepositAsync(string id, long minor = 5_000) =>
        Assert.IsType<WalletAccepted>(await _node.Wallets.AskAsync("alice", new BeginDeposit(id, new Money(minor, "EUR"), "card")));

    private async Task FundAsync(long minor)
    {
        await BeginDepositAsync("fund", minor);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Notice("evt_fund", "fund", PaymentStatus.Completed, minor: minor))).Status);
    }

    [Fact]
    public async Task Wrong_missing_stale_or_malformed_signatures_are_refused_and_change_nothing()
    {
        await BeginDepositAsync("d1");
        var before = await _node.BalanceAsync("alice");
        var n = Notice("evt_1", "d1", PaymentStatus.Completed);

        var wrong = await PostAsync(n, b => WebhookSignature.Sign("whsec_not_the_shared_one_00", DateTimeOffset.UtcNow, b));
        var missing = await PostAsync(n, _ => null);
        var stale = await PostAsync(n, b => WebhookSignature.Sign(PaymentsNode.Secret, DateTimeOffset.UtcNow.AddMinutes(-6), b));
        var malformed = await PostAsync(n, _ => "t=now,v1=beef");
        var signedOtherBody = await PostRawAsync(
            JsonSerializer.SerializeToUtf8Bytes(n with { AmountMinor = 5_000_000 }, PaymentsJsonContext.Default.PaymentNotification),
            WebhookSignature.Sign(PaymentsNode.Secret, DateTimeOffset.UtcNow, JsonSerializer.SerializeToUtf8Bytes(n, PaymentsJsonContext.Default.PaymentNotification)));

        Assert.Equal(
            [
                (HttpStatusCode.Unauthorized, "WrongSignature"), (HttpStatusCode.Unauthorized, "MissingSignature"),
                (HttpStatusCode.Unauthorized, "StaleTimestamp"), (HttpStatusCode.Unauthorized, "Malformed"),
                (HttpStatusCode.Unauthorized, "WrongSignature"),
            ],
            new[] { wrong, missing, stale, malformed, signedOtherBody }.Select(r => (r.Status, r.Ack.Detail)));
        Assert.Equal(before, await _node.BalanceAsync("alice"));
        Assert.Equal((5_000L, 0L), (before.CreditsPending, before.CreditsPosted));
        Assert.Equal(0, Enum.GetValues<WebhookOutcome>().Sum(o => _node.Handler.Count(o)));
        Assert.Equal(2, _node.Handler.Count(WebhookVerification.WrongSignature));

        // The genuine one still works afterwards.
        Assert.Equal((HttpStatusCode.OK, "applied"), ((await PostAsync(n)).Status, (await PostAsync(n)).Ack.Outcome));
        Assert.Equal(5_000, (await _node.BalanceAsync("alice")).CreditsPosted);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_valid_notification_is_400_and_changes_nothing()
    {
        await BeginDepositAsync("d1");
        var junk = Encoding.UTF8.GetBytes("{\"eventId\":");
        var noPlayer = JsonSerializer.SerializeToUtf8Bytes(Notice("evt_1", "d1", PaymentStatus.Completed) with { PlayerId = "" }, PaymentsJsonContext.Default.PaymentNotification);

        var (junkStatus, _) = await PostRawAsync(junk, WebhookSignature.Sign(PaymentsNode.Secret, DateTimeOffset.UtcNow, junk));
        var (noPlayerStatus, ack) = await PostRawAsync(noPlayer, WebhookSignature.Sign(PaymentsNode.Secret, DateTimeOffset.UtcNow, noPlayer));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, "bad_notification"), (junkStatus, noPlayerStatus, ack.Outcome));
        Assert.Equal(0, (await _node.BalanceAsync("alice")).CreditsPosted);
    }

    [Fact]
    public async Task The_same_event_delivered_many_times_even_concurrently_credits_once()
    {
        await BeginDepositAsync("d1");
        var n = Notice("evt_7", "d1", PaymentStatus.Completed);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(n)));
        var later = await PostAsync(n);

        Assert.All(results.Append(later), r => Assert.Equal((HttpStatusCode.OK, "applied"), (r.Status, r.Ack.Outcome)));
        var balance = await _node.BalanceAsync("alice");
        Assert.Equal((5_000L, 0L, 5_000L), (balance.CreditsPosted, balance.CreditsPending, balance.Available));
    }

    [Fact]
    public async Task A_second_event_confirming_the_same_deposit_changes_nothing()
    {
        await BeginDepositAsync("d1");

        var first = await PostAsync(Notice("evt_1", "d1", PaymentStatus.Completed));
        var reissued = await PostAsync(Notice("evt_2", "d1", PaymentStatus.Completed));

        Assert.Equal(("applied", "already_resolved"), (first.Ack.Outcome, reissued.Ack.Outcome));
        Assert.Equal(HttpStatusCode.OK, reissued.Status);
        Assert.Equal(5_000, (await _node.BalanceAsync("alice")).CreditsPosted);
    }

    [Fact]
    public async Task A_failed_event_arriving_after_the_completed_one_does_not_undo_the_deposit()
    {
        await BeginDepositAsync("d1");

        var completed = await PostAsync(Notice("evt_2", "d1", PaymentStatus.Completed));
        var lateFailed = await PostAsync(Notice("evt_1", "d1", PaymentStatus.Failed));

        Assert.Equal(("applied", "already_resolved"), (completed.Ack.Outcome, lateFailed.Ack.Outcome));
        var balance = await _node.BalanceAsync("alice");
        Assert.Equal((5_000L, 0L), (balance.CreditsPosted, balance.CreditsPending));
        var anomaly = Assert.Single(_node.Handler.Anomalies);
        Assert.Equal(("evt_1", PaymentStatus.Failed), (anomaly.Notification.EventId, anomaly.Notification.Status));
    }

    [Fact]
    public async Task A_refusal_arriving_after_the_payout_does_not_give_the_money_back()
    {
        await FundAsync(10_000);
        Assert.IsType<WalletAccepted>(await _node.Wallets.AskAsync("alice", new RequestWithdrawal("w1", new Money(4_000, "EUR"), "bank_transfer")));

        var paid = await PostAsync(Notice("evt_w2", "w1", PaymentStatus.Completed, PaymentKind.Withdrawal, 4_000));
        var lateRefused = await PostAsync(Notice("evt_w1", "w1", PaymentStatus.Failed, PaymentKind.Withdrawal, 4_000));

        Assert.Equal(("applied", "already_resolved"), (paid.Ack.Outcome, lateRefused.Ack.Outcome));
        var balance = await _node.BalanceAsync("alice");
        Assert.Equal((4_000L, 0L, 6_000L), (balance.DebitsPosted, balance.DebitsPending, balance.Available));
    }

    [Fact]
    public async Task A_confirmation_for_a_deposit_never_begun_is_acknowledged_recorded_as_an_anomaly_and_credits_nothing()
    {
        var (status, ack) = await PostAsync(Notice("evt_9", "never-begun", PaymentStatus.Completed));

        Assert.Equal((HttpStatusCode.OK, "unknown_payment"), (status, ack.Outcome));
        var anomaly = Assert.Single(_node.Handler.Anomalies);
        Assert.Equal(("never-begun", WebhookOutcome.UnknownPayment), (anomaly.Notification.OperationId, anomaly.Outcome));
        Assert.Equal(WalletBalance.Empty("EUR"), await _node.BalanceAsync("alice"));
    }

    [Fact]
    public async Task When_the_wallet_cannot_answer_the_webhook_gets_503_so_the_provider_retries()
    {
        await BeginDepositAsync("d1");
        await _node.System.Terminate().WaitAsync(PaymentsNode.Patience);

        var (status, ack) = await PostAsync(Notice("evt_1", "d1", PaymentStatus.Completed));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "wallet_unavailable"), (status, ack.Outcome));
    }
}
