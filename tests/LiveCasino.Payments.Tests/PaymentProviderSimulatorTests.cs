using System.Net;
using System.Text;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Reconciliation;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Tests.Support;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Tests;

/// <summary>The simulated provider over real HTTP, driven through the real <see cref="HttpPaymentGateway"/>.</summary>
public sealed class PaymentProviderSimulatorTests : IAsyncLifetime
{
    private const string Secret = "whsec_simulator_tests_0001";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new();
    private readonly List<IAsyncDisposable> _owned = [];

    private async Task<(PaymentProviderSimulator Sim, HttpPaymentGateway Gateway)> StartAsync(PaymentProviderOptions options)
    {
        var sim = new PaymentProviderSimulator(options);
        _owned.Add(sim);
        await sim.StartAsync(CancellationToken.None);
        return (sim, new HttpPaymentGateway(_http, new HttpPaymentGatewayOptions { BaseAddress = sim.BaseAddress }));
    }

    private async Task<WebhookRecorder> RecorderAsync(int failFirst = 0)
    {
        var recorder = await new WebhookRecorder(Secret, failFirst).StartAsync();
        _owned.Add(recorder);
        return recorder;
    }

    private static PaymentRequest Deposit(string id, long minor = 1_000, string player = "p1") =>
        new(id, player, new Money(minor, "EUR"), PaymentChannel.Card);

    private static Task AllResolvedAsync(PaymentProviderSimulator sim, int count, string what) =>
        Eventually.TrueAsync(() => sim.Payments.Count == count && sim.Payments.All(p => p.Status != PaymentStatus.Pending) && sim.Quiescent, what, Generous);

    [Fact]
    public async Task The_same_operation_id_twice_gives_the_same_reference_and_one_payment()
    {
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions { Seed = 3 });

        var first = await gateway.StartDepositAsync(Deposit("dep-1"), CancellationToken.None);
        var again = await gateway.StartDepositAsync(Deposit("dep-1"), CancellationToken.None);

        Assert.Equal(GatewayStatus.Accepted, first.Status);
        Assert.Equal(first, again);
        Assert.Single(sim.Payments);
        Assert.Equal(1, sim.Stats.PaymentsCreated);
    }

    [Fact]
    public async Task The_same_operation_id_with_other_content_is_rejected_and_creates_nothing()
    {
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions { Seed = 3 });
        await gateway.StartDepositAsync(Deposit("op-1"), CancellationToken.None);

        var otherAmount = await gateway.StartDepositAsync(Deposit("op-1", minor: 2_000), CancellationToken.None);
        var otherKind = await gateway.StartWithdrawalAsync(Deposit("op-1"), CancellationToken.None);

        Assert.Equal(GatewayStatus.Rejected, otherAmount.Status);
        Assert.Contains("idempotency_conflict", otherAmount.Detail, StringComparison.Ordinal);
        Assert.Equal(GatewayStatus.Rejected, otherKind.Status);
        Assert.Single(sim.Payments);
        Assert.Equal(1_000, sim.Payments[0].AmountMinor);
    }

    [Fact]
    public async Task Malformed_requests_get_4xx_and_create_nothing()
    {
        var (sim, _) = await StartAsync(new PaymentProviderOptions { Seed = 3 });
        async Task<HttpStatusCode> PostAsync(string json, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sim.BaseAddress, "v1/deposits"))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            if (key is not null)
            {
                request.Headers.Add(HttpPaymentGateway.IdempotencyKeyHeader, key);
            }

            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }

        const string valid = """{"operationId":"d1","playerId":"p1","amountMinor":100,"currency":"EUR","channel":"card"}""";
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(valid, key: null));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(valid, key: "other"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{not json", key: "d1"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(valid.Replace("card", "cheque", StringComparison.Ordinal), key: "d1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostAsync(valid.Replace("EUR", "eur", StringComparison.Ordinal), key: "d1"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostAsync(valid.Replace("100", "-5", StringComparison.Ordinal), key: "d1"));
        Assert.Empty(sim.Payments);
        Assert.Equal(HttpStatusCode.Created, await PostAsync(valid, key: "d1"));
    }

    [Fact]
    public async Task A_down_provider_answers_503_changes_nothing_and_recovers()
    {
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions { Seed = 3, Fault = ProviderFault.Down });

        var whileDown = await gateway.StartWithdrawalAsync(Deposit("wd-1"), CancellationToken.None);
        Assert.Equal(GatewayStatus.Unavailable, whileDown.Status);
        Assert.Equal("HTTP 503", whileDown.Detail);
        Assert.Empty(sim.Payments);
        Assert.Equal(1, sim.Stats.RequestsRefusedWhileDown);

        using (var up = await _http.PostAsync(new Uri(sim.BaseAddress, "admin/fault/none"), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        }

        var afterwards = await gateway.StartWithdrawalAsync(Deposit("wd-1"), CancellationToken.None);
        Assert.Equal(GatewayStatus.Accepted, afterwards.Status);
        Assert.Single(sim.Payments);
    }

    [Fact]
    public async Task An_unreachable_provider_is_unavailable_not_an_exception()
    {
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions { Seed = 3 });
        await sim.DisposeAsync();

        var result = await gateway.StartDepositAsync(Deposit("d1"), CancellationToken.None);

        Assert.Equal(GatewayStatus.Unavailable, result.Status);
    }

    [Fact]
    public async Task Outcomes_depend_on_seed_and_operation_id_not_on_arrival_order()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"dep-{i}").ToList();
        async Task<Dictionary<string, PaymentStatus>> RunAsync(int seed, IEnumerable<string> order)
        {
            var (sim, gateway) = await StartAsync(new PaymentProviderOptions { Seed = seed, SuccessRate = 0.5 });
            foreach (var id in order)
            {
                Assert.Equal(GatewayStatus.Accepted, (await gateway.StartDepositAsync(Deposit(id), CancellationToken.None)).Status);
            }

            await AllResolvedAsync(sim, ids.Count, $"40 payments resolved (seed {seed})");
            return sim.Payments.ToDictionary(p => p.OperationId, p => p.Status);
        }

        var forward = await RunAsync(7, ids);
        var backward = await RunAsync(7, Enumerable.Reverse(ids));
        var otherSeed = await RunAsync(8, ids);

        Assert.Equal(forward, backward);
        Assert.Contains(PaymentStatus.Completed, forward.Values);
        Assert.Contains(PaymentStatus.Failed, forward.Values);
        Assert.NotEqual(forward, otherSeed);
    }

    [Fact]
    public async Task Webhooks_are_signed_and_retried_with_backoff_until_the_receiver_answers_2xx()
    {
        var recorder = await RecorderAsync(failFirst: 3);
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions
        {
            Seed = 5, WebhookUrl = recorder.Url, WebhookSecret = Secret, DuplicateProbability = 0, ReorderProbability = 0,
            RetryDelayInitial = TimeSpan.FromMilliseconds(10),
        });

        await gateway.StartDepositAsync(Deposit("d1"), CancellationToken.None);
        await AllResolvedAsync(sim, 1, "the deposit resolved and its webhook delivered");

        var received = Assert.Single(recorder.Received);
        Assert.Equal("d1", received.OperationId);
        Assert.Equal(sim.Payments[0].ProviderReference, received.ProviderReference);
        Assert.Equal(4, recorder.Requests);
        Assert.All(recorder.Verdicts, v => Assert.Equal(Webhooks.WebhookVerification.Valid, v));
        Assert.Equal((4L, 1L, 3L), (sim.Stats.WebhookAttempts, sim.Stats.WebhooksDelivered, sim.Stats.WebhookAttemptsFailed));
    }

    [Fact]
    public async Task A_receiver_that_never_answers_2xx_is_given_up_after_the_attempt_limit()
    {
        var recorder = await RecorderAsync(failFirst: int.MaxValue);
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions
        {
            Seed = 5, WebhookUrl = recorder.Url, WebhookSecret = Secret, DuplicateProbability = 0, ReorderProbability = 0,
            RetryDelayInitial = TimeSpan.FromMilliseconds(1), RetryDelayMax = TimeSpan.FromMilliseconds(5), DeliveryAttemptsMax = 6,
        });

        await gateway.StartDepositAsync(Deposit("d1"), CancellationToken.None);
        await AllResolvedAsync(sim, 1, "the deposit resolved and its delivery given up");

        Assert.Equal(6, recorder.Requests);
        Assert.Equal(1, sim.Stats.DeliveriesAbandoned);
        Assert.Empty(recorder.Received);
    }

    [Fact]
    public async Task Duplicates_repeat_the_event_id_and_held_back_events_are_overtaken()
    {
        var recorder = await RecorderAsync();
        // Fake provider clock: held events and duplicates wait on timers that fire only when the test advances.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sim = new PaymentProviderSimulator(
            new PaymentProviderOptions
            {
                Seed = 11, WebhookUrl = recorder.Url, WebhookSecret = Secret, DuplicateProbability = 0.5, ReorderProbability = 0.3,
                ReorderDelay = TimeSpan.FromSeconds(10), ProcessingDelayMin = TimeSpan.Zero, ProcessingDelayMax = TimeSpan.Zero,
            },
            time);
        _owned.Add(sim);
        await sim.StartAsync(CancellationToken.None);
        var gateway = new HttpPaymentGateway(_http, new HttpPaymentGatewayOptions { BaseAddress = sim.BaseAddress });

        for (var i = 1; i <= 20; i++)
        {
            await gateway.StartDepositAsync(Deposit($"d{i}"), CancellationToken.None);
        }

        await Eventually.TrueAsync(() => sim.Stats.PaymentsResolved == 20, "20 deposits resolved", Generous);
        var stats = sim.Stats;
        Assert.True(stats.Reordered > 0, "seed 11 holds some events back");
        Assert.True(stats.DuplicatesSent > 0, "seed 11 draws some duplicates");
        await Eventually.TrueAsync(
            () => recorder.Received.Count == 20 - stats.Reordered && time.PendingTimers == stats.Reordered + stats.DuplicatesSent,
            "every event not held delivered, held ones and duplicates waiting on their timers", Generous);
        var beforeHeld = recorder.Received.Select(n => n.EventId).ToHashSet();

        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => sim.Quiescent, "held events and duplicates delivered", Generous);

        var byEvent = recorder.Received.GroupBy(n => n.EventId).ToList();
        Assert.Equal(20, byEvent.Count);
        Assert.Equal(20 + stats.DuplicatesSent, recorder.Received.Count);
        Assert.Equal(stats.DuplicatesSent, byEvent.Count(g => g.Count() == 2));
        Assert.All(byEvent, g => Assert.Single(g.Select(n => n.OperationId).Distinct()));
        // Every held event reached the receiver only after all events resolved later than it had.
        var firstArrivals = recorder.Received.Select(n => n.EventId).Distinct().ToList();
        Assert.Equal(20 - stats.Reordered, firstArrivals.TakeWhile(beforeHeld.Contains).Count());
        Assert.Equal(stats.Reordered, firstArrivals.Count(id => !beforeHeld.Contains(id)));
    }

    [Fact]
    public async Task The_settlement_report_lists_every_payment_and_parses_strictly()
    {
        var (sim, gateway) = await StartAsync(new PaymentProviderOptions { Seed = 2, SuccessRate = 0.5 });
        await gateway.StartDepositAsync(Deposit("d1", 1_000, "alice"), CancellationToken.None);
        await gateway.StartWithdrawalAsync(new PaymentRequest("w1", "bob, the \"builder\"", new Money(250, "GBP"), PaymentChannel.BankTransfer), CancellationToken.None);
        await AllResolvedAsync(sim, 2, "both payments resolved");

        using var response = await _http.GetAsync(new Uri(sim.BaseAddress, "v1/settlement-report.csv"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var rows = SettlementReportParser.Parse(csv);

        Assert.StartsWith(SettlementReportFormat.Header + "\n", csv, StringComparison.Ordinal);
        Assert.Equal(
            sim.Payments.Select(p => (p.ProviderReference, p.OperationId, p.PlayerId, p.Kind, p.AmountMinor, p.Currency, p.Status)),
            rows.Select(r => (r.ProviderReference, r.OperationId, r.PlayerId, r.Kind, r.AmountMinor, r.Currency, r.Status)));
        Assert.Equal("bob, the \"builder\"", rows[1].PlayerId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        _http.Dispose();
    }
}
