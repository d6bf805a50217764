using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Orchestration;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Tests.Support;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Tests;

/// <summary>Deposits and withdrawals through <see cref="PaymentsService"/>: real wallet, real provider, real HTTP both ways.</summary>
public sealed class PaymentsServiceTests : IAsyncLifetime
{
    private PaymentsNode? _node;

    private async Task<PaymentsNode> StartAsync(PaymentProviderOptions provider, PaymentsServiceOptions? service = null, TimeProvider? providerTime = null)
    {
        _node = await PaymentsNode.StartAsync(JournalKind.InMemory, provider, service, providerTime);
        await _node.OpenAsync("alice");
        return _node;
    }

    private static PaymentRequest Request(string id, long minor, PaymentChannel channel = PaymentChannel.Card) =>
        new(id, "alice", new Money(minor, "EUR"), channel);

    private static Task StateAsync(PaymentsNode node, string id, PaymentState state) =>
        Eventually.TrueAsync(() => node.Payments.Find(id)?.State == state, $"payment {id} reaches {state}", PaymentsNode.Patience);

    private static async Task FundAsync(PaymentsNode node, long minor)
    {
        var fund = await node.Payments.DepositAsync(Request("fund", minor), CancellationToken.None);
        Assert.Equal(PaymentState.AwaitingProvider, fund.State);
        await StateAsync(node, "fund", PaymentState.Completed);
    }

    [Fact]
    public async Task A_confirmed_deposit_is_pending_until_the_webhook_then_available()
    {
        // The provider's clock is fake: it decides only when the test advances it (started at now, so signatures are fresh).
        var providerTime = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var node = await StartAsync(
            new PaymentProviderOptions { Seed = 1, SuccessRate = 1, ProcessingDelayMin = TimeSpan.FromSeconds(1), ProcessingDelayMax = TimeSpan.FromSeconds(1) },
            providerTime: providerTime);

        var started = await node.Payments.DepositAsync(Request("d1", 2_500, PaymentChannel.EWallet), CancellationToken.None);
        var beforeWebhook = await node.BalanceAsync("alice");
        await Eventually.TrueAsync(() => providerTime.PendingTimers == 1, "the provider armed its processing delay");
        providerTime.Advance(TimeSpan.FromSeconds(1));
        await StateAsync(node, "d1", PaymentState.Completed);

        Assert.Equal(PaymentState.AwaitingProvider, started.State);
        Assert.Equal(node.Provider.Payments.Single().ProviderReference, started.ProviderReference);
        Assert.Equal(PaymentChannel.EWallet, node.Provider.Payments.Single().Channel);
        Assert.Equal(2_500, beforeWebhook.CreditsPending);
        Assert.Equal(0, beforeWebhook.Available);
        var after = await node.BalanceAsync("alice");
        Assert.Equal((2_500L, 0L, 2_500L), (after.CreditsPosted, after.CreditsPending, after.Available));
    }

    [Fact]
    public async Task A_declined_deposit_voids_the_pending_credit()
    {
        var node = await StartAsync(new PaymentProviderOptions { Seed = 1, SuccessRate = 0 });

        await node.Payments.DepositAsync(Request("d1", 2_500), CancellationToken.None);
        await StateAsync(node, "d1", PaymentState.Failed);

        Assert.Equal(WalletBalance.Empty("EUR"), await node.BalanceAsync("alice"));
    }

    [Fact]
    public async Task Provider_down_retries_then_leaves_the_withdrawal_reserved_for_an_operator_and_a_resubmission_pays_it_out()
    {
        var node = await StartAsync(
            new PaymentProviderOptions { Seed = 1, SuccessRate = 1 },
            new PaymentsServiceOptions { SubmitAttempts = 4, RetryDelayInitial = TimeSpan.FromMilliseconds(5), RetryDelayMax = TimeSpan.FromMilliseconds(20) });
        await FundAsync(node, 10_000);
        node.Provider.Fault = ProviderFault.Down;

        var failed = await node.Payments.WithdrawAsync(Request("w1", 7_000, PaymentChannel.BankTransfer), CancellationToken.None);

        Assert.Equal(PaymentState.SubmitFailed, failed.State);
        Assert.Equal(4, failed.SubmitAttempts);
        Assert.Equal(4, node.Provider.Stats.RequestsRefusedWhileDown);
        Assert.Contains("HTTP 503", failed.Detail, StringComparison.Ordinal);
        Assert.Equal(["w1"], node.Payments.NeedingOperator.Select(p => p.OperationId));
        var held = await node.BalanceAsync("alice");
        Assert.Equal((10_000L, 0L, 7_000L, 3_000L), (held.Posted, held.DebitsPosted, held.DebitsPending, held.Available));
        // The reserved money cannot be spent twice meanwhile.
        Assert.Equal(WalletRejection.InsufficientFunds, Assert.IsType<WalletRejected>(
            await node.Wallets.AskAsync("alice", new RequestWithdrawal("w2", new Money(5_000, "EUR"), "card"))).Reason);

        node.Provider.Fault = ProviderFault.None;
        var resubmitted = await node.Payments.ResubmitAsync("w1", CancellationToken.None);
        await StateAsync(node, "w1", PaymentState.Completed);

        Assert.Equal(PaymentState.AwaitingProvider, resubmitted.State);
        Assert.Empty(node.Payments.NeedingOperator);
        Assert.Equal(2, node.Provider.Payments.Count);
        var paid = await node.BalanceAsync("alice");
        Assert.Equal((7_000L, 0L, 3_000L), (paid.DebitsPosted, paid.DebitsPending, paid.Available));
    }

    [Fact]
    public async Task Calling_again_with_the_same_operation_id_never_moves_money_twice()
    {
        var node = await StartAsync(new PaymentProviderOptions { Seed = 1, SuccessRate = 1 });
        await FundAsync(node, 10_000);

        var first = await node.Payments.WithdrawAsync(Request("w1", 4_000), CancellationToken.None);
        var again = await node.Payments.WithdrawAsync(Request("w1", 4_000), CancellationToken.None);
        var otherContent = await node.Payments.WithdrawAsync(Request("w1", 9_000), CancellationToken.None);
        await StateAsync(node, "w1", PaymentState.Completed);
        var afterCompletion = await node.Payments.WithdrawAsync(Request("w1", 4_000), CancellationToken.None);

        Assert.Equal(first.ProviderReference, again.ProviderReference);
        Assert.Equal(PaymentState.WalletRejected, otherContent.State);
        Assert.Equal(PaymentState.Completed, afterCompletion.State);
        Assert.Equal(2, node.Provider.Payments.Count);
        Assert.Equal((4_000L, 6_000L), ((await node.BalanceAsync("alice")).DebitsPosted, (await node.BalanceAsync("alice")).Available));
    }

    [Fact]
    public async Task A_withdrawal_the_wallet_refuses_never_reaches_the_provider()
    {
        var node = await StartAsync(new PaymentProviderOptions { Seed = 1 });

        var refused = await node.Payments.WithdrawAsync(Request("w1", 1_000), CancellationToken.None);

        Assert.Equal(PaymentState.WalletRejected, refused.State);
        Assert.StartsWith(nameof(WalletRejection.InsufficientFunds), refused.Detail, StringComparison.Ordinal);
        Assert.Empty(node.Provider.Payments);
        Assert.Equal(0, node.Provider.Stats.RequestsReceived);
    }

    [Fact]
    public async Task A_withdrawal_the_provider_rejects_for_good_releases_the_reservation()
    {
        var node = await StartAsync(new PaymentProviderOptions { Seed = 1, SuccessRate = 1 });
        await FundAsync(node, 10_000);
        // The provider already holds "w1" with other content, so it answers 409 to ours.
        Assert.Equal(GatewayStatus.Accepted, (await node.Gateway.StartDepositAsync(Request("w1", 1), CancellationToken.None)).Status);

        var rejected = await node.Payments.WithdrawAsync(Request("w1", 6_000), CancellationToken.None);

        Assert.Equal(PaymentState.ProviderRejected, rejected.State);
        Assert.Contains("idempotency_conflict", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(1, rejected.SubmitAttempts);
        var balance = await node.BalanceAsync("alice");
        Assert.Equal((0L, 0L, 10_000L), (balance.DebitsPosted, balance.DebitsPending, balance.Available));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
