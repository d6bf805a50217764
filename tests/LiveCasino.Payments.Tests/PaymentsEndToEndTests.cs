using System.Globalization;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Orchestration;
using LiveCasino.Payments.Reconciliation;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Tests.Support;
using LiveCasino.TestKit;
using LiveCasino.Wallets.Protocol;

namespace LiveCasino.Payments.Tests;

/// <summary>
/// Many deposits and withdrawals end to end over real HTTP, with the provider duplicating and
/// reordering webhooks and going down for a while, on the in-memory and the SQLite journal.
/// </summary>
public sealed class PaymentsEndToEndTests : IAsyncLifetime
{
    private static readonly string[] Players = ["ana", "ben", "cleo", "dev", "eli", "fay"];
    private PaymentsNode? _node;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    private static PaymentProviderOptions Chaos(int seed) => new()
    {
        Seed = seed, SuccessRate = 0.75, DuplicateProbability = 0.5, ReorderProbability = 0.3,
        ReorderDelay = TimeSpan.FromMilliseconds(100), ProcessingDelayMax = TimeSpan.FromMilliseconds(30),
        RetryDelayInitial = TimeSpan.FromMilliseconds(10),
    };

    private async Task<PaymentsNode> StartAsync(JournalKind kind, int seed)
    {
        _node = await PaymentsNode.StartAsync(kind, Chaos(seed));
        foreach (var player in Players)
        {
            await _node.OpenAsync(player);
        }

        return _node;
    }

    private static PaymentRequest Request(string id, string player, long minor, PaymentChannel channel) => new(id, player, new Money(minor, "EUR"), channel);

    [Theory]
    [InlineData(JournalKind.InMemory)]
    [InlineData(JournalKind.Sqlite)]
    public async Task Duplicated_reordered_webhooks_and_an_outage_end_in_exact_balances_and_a_clean_reconciliation(JournalKind kind)
    {
        var node = await StartAsync(kind, seed: 42);
        var random = new Random(42);
        var channels = Enum.GetValues<PaymentChannel>();

        var deposits = Enumerable.Range(1, 30).Select(i => Request(
            $"dep-{i}", Players[i % Players.Length], random.Next(1, 100) * 100L, channels[i % channels.Length])).ToList();
        var started = await Task.WhenAll(deposits.Select(d => node.Payments.DepositAsync(d, CancellationToken.None)));
        Assert.All(started, r => Assert.Equal(PaymentState.AwaitingProvider, r.State));
        await node.QuiescentAsync(30, "30 deposits resolved and their webhooks delivered");

        // An outage: these withdrawals exhaust their retries and stay reserved.
        node.Provider.Fault = ProviderFault.Down;
        var stuck = await Task.WhenAll(Players.Select((p, i) => node.Payments.WithdrawAsync(Request($"wd-down-{i}", p, 500, PaymentChannel.BankTransfer), CancellationToken.None)));
        var reserved = stuck.Where(r => r.State == PaymentState.SubmitFailed).Select(r => r.OperationId).Order(StringComparer.Ordinal).ToList();
        Assert.All(stuck, r => Assert.Contains(r.State, new[] { PaymentState.SubmitFailed, PaymentState.WalletRejected }));
        Assert.NotEmpty(reserved);
        Assert.Equal(reserved, node.Payments.NeedingOperator.Select(r => r.OperationId).Order(StringComparer.Ordinal));

        node.Provider.Fault = ProviderFault.None;
        foreach (var id in reserved)
        {
            Assert.Equal(PaymentState.AwaitingProvider, (await node.Payments.ResubmitAsync(id, CancellationToken.None)).State);
        }

        var more = await Task.WhenAll(Players.Select((p, i) => node.Payments.WithdrawAsync(Request($"wd-{i}", p, 700, PaymentChannel.EWallet), CancellationToken.None)));
        var expectedAtProvider = 30 + reserved.Count + more.Count(r => r.State == PaymentState.AwaitingProvider);
        await node.QuiescentAsync(expectedAtProvider, "every payment resolved and every webhook delivered");
        await Eventually.TrueAsync(() => node.Provider.Payments.All(p => node.Payments.Find(p.OperationId)?.IsFinal == true), "PaymentsService saw every outcome", PaymentsNode.Patience);

        var stats = node.Provider.Stats;
        Assert.True(stats.DuplicatesSent > 0 && stats.Reordered > 0, $"seed 42 duplicates ({stats.DuplicatesSent}) and reorders ({stats.Reordered})");
        Assert.Equal(0, stats.DeliveriesAbandoned);
        foreach (var player in Players)
        {
            var completed = node.Provider.Payments.Where(p => p.PlayerId == player && p.Status == PaymentStatus.Completed).ToList();
            var expected = completed.Where(p => p.Kind == PaymentKind.Deposit).Sum(p => p.AmountMinor)
                           - completed.Where(p => p.Kind == PaymentKind.Withdrawal).Sum(p => p.AmountMinor);
            var balance = await node.BalanceAsync(player);
            Assert.Equal((player, expected, 0L, 0L), (player, balance.Posted, balance.CreditsPending, balance.DebitsPending));
        }

        foreach (var p in node.Provider.Payments)
        {
            var record = node.Payments.Find(p.OperationId)!;
            Assert.Equal((p.OperationId, p.Status == PaymentStatus.Completed ? PaymentState.Completed : PaymentState.Failed, p.ProviderReference),
                (p.OperationId, record.State, record.ProviderReference));
        }

        var csv = await node.Http.GetStringAsync(new Uri(node.Provider.BaseAddress, "v1/settlement-report.csv"));
        var report = await Reconciler.ReconcileAsync(SettlementReportParser.Parse(csv), new WalletJournalPaymentRecords(node.Journal), CancellationToken.None);
        Assert.True(report.Clean, ReconciliationTable.Summary(report));
        Assert.Equal(expectedAtProvider, report.Matched);
        Assert.Equal(expectedAtProvider, report.Lines.Count);
    }

    [Fact]
    public async Task Reconciliation_of_real_records_reports_each_injected_discrepancy()
    {
        var node = await StartAsync(JournalKind.InMemory, seed: 7);
        foreach (var (id, i) in new[] { "a", "b", "c", "d", "e", "f" }.Select((id, i) => (id, i)))
        {
            await node.Payments.DepositAsync(Request(id, Players[i], 1_000, PaymentChannel.Card), CancellationToken.None);
        }

        await node.QuiescentAsync(6, "six deposits resolved");
        await Eventually.TrueAsync(() => node.Provider.Payments.All(p => node.Payments.Find(p.OperationId)?.IsFinal == true), "outcomes applied", PaymentsNode.Patience);
        // Our side only: a deposit begun in the wallet that the provider never heard of.
        Assert.IsType<WalletAccepted>(await node.Wallets.AskAsync("ana", new BeginDeposit("ours-only", new Money(300, "EUR"), "card")));
        var lines = (await node.Http.GetStringAsync(new Uri(node.Provider.BaseAddress, "v1/settlement-report.csv"))).TrimEnd('\n').Split('\n').ToList();
        string Edit(string id, int column, string value)
        {
            var index = lines.FindIndex(l => l.Split(',')[1] == id);
            var fields = lines[index].Split(',');
            fields[column] = value;
            lines[index] = string.Join(',', fields);
            return id;
        }

        lines.RemoveAll(l => l.Split(',')[1] == "a");
        Edit("b", 4, "1001");
        Edit("c", 5, "USD");
        var statusOf = node.Provider.Payments.Single(p => p.OperationId == "d").Status;
        Edit("d", 6, statusOf == PaymentStatus.Completed ? "failed" : "completed");
        Edit("e", 2, "someone-else");
        lines.Add("psp_dep_99999999,theirs-only,fay,deposit,250,EUR,completed,"
                  + DateTimeOffset.UtcNow.UtcDateTime.ToString(SettlementReportFormat.TimeFormat, CultureInfo.InvariantCulture));

        var report = await Reconciler.ReconcileAsync(SettlementReportParser.Parse(string.Join('\n', lines) + "\n"), new WalletJournalPaymentRecords(node.Journal), CancellationToken.None);

        Assert.Equal(
            [
                ("a", Discrepancy.MissingAtProvider), ("b", Discrepancy.AmountMismatch), ("c", Discrepancy.CurrencyMismatch),
                ("d", Discrepancy.StatusMismatch), ("e", Discrepancy.PlayerMismatch), ("f", Discrepancy.None),
                ("ours-only", Discrepancy.MissingAtProvider), ("theirs-only", Discrepancy.MissingInLedger),
            ],
            report.Lines.Select(l => (l.OperationId, l.Discrepancies)));
        var a = report.Lines[0];
        Assert.Equal(node.Provider.Payments.Single(p => p.OperationId == "a").Status, a.Ledger!.Status);
        Assert.Equal((PaymentStatus.Pending, 300L), (report.Lines[6].Ledger!.Status, report.Lines[6].Ledger!.Amount.Minor));
    }
}
