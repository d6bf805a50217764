using System.Globalization;
using System.Net;
using Akka.Actor;
using LiveCasino.Persistence.Configuration;
using LiveCasino.Sharding;
using LiveCasino.Stores.Serialization;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Orchestration;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Wallet;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Stores.Sqlite;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCasino.PaymentProvider;

/// <summary>
/// <c>demo</c>: the whole payments loop in one process, on loopback HTTP: wallets on a SQLite file,
/// the webhook endpoint, the simulated provider (duplicating and reordering its webhooks, down for a
/// while), deposits and withdrawals through PaymentsService. Then it saves the provider's report
/// and runs <c>reconcile</c> on the two files, as an operator would.
/// </summary>
internal static class DemoCommand
{
    private const string Secret = "whsec_demo_only_not_a_secret";
    private static readonly string[] Players = ["ana", "ben", "cleo", "dev"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken stop)
    {
        var a = new CommandArgs(args, new HashSet<string>(StringComparer.Ordinal));
        var dir = a.Text("--dir") ?? Path.Combine(Path.GetTempPath(), "livecasino-payments-demo");
        var seed = a.Int("--seed", 7);
        a.RejectUnknown();
        Directory.CreateDirectory(dir);
        var db = Path.Combine(dir, "wallets.db");
        var reportPath = Path.Combine(dir, "settlement-report.csv");
        foreach (var stale in Directory.GetFiles(dir, "wallets.db*"))
        {
            File.Delete(stale);
        }

        await RunPaymentsAsync(db, reportPath, seed, output, stop);
        await output.WriteLineAsync($"\n$ reconcile --report {reportPath} --db {db} --all");
        return await ReconcileCommand.RunAsync(["--report", reportPath, "--db", db, "--all"], output, stop);
    }

    private static async Task RunPaymentsAsync(string db, string reportPath, int seed, TextWriter output, CancellationToken stop)
    {
        // A one-node Akka.NET cluster with the wallet region, journaling to the SQLite file.
        var config = HoconFiles.Load(HoconFiles.NodeFiles).WithFallback(ShardingConfig.Reference)
            .Overrides(WalletSerialization.EngineHocon)
            .Overrides($"akka.loglevel = WARNING\nlivecasino.persistence.sqlite.store.data-source = \"{db.Replace("\\", "/", StringComparison.Ordinal)}\"");
        var system = ActorSystem.Create("payments-demo", config);
        await OneNodeCluster.JoinSelfAsync(system, TimeSpan.FromSeconds(30));
        var wallets = await WalletDirectory.StartAsync(system, new WalletOptions(), TimeProvider.System);
        var client = new WalletDirectoryClient(wallets);
        try
        {

            await using var provider = new PaymentProviderSimulator(new PaymentProviderOptions
            {
                Port = 0, Seed = seed, SuccessRate = 0.8, DuplicateProbability = 0.3, ReorderProbability = 0.2,
            });
            await provider.StartAsync(stop);
            using var http = new HttpClient();
            var payments = new PaymentsService(
                client, new HttpPaymentGateway(http, new HttpPaymentGatewayOptions { BaseAddress = provider.BaseAddress }),
                new PaymentsServiceOptions { SubmitAttempts = 3, RetryDelayInitial = TimeSpan.FromMilliseconds(50) }, TimeProvider.System);
            await using var receiver = await StartReceiverAsync(client, payments, stop);
            provider.Webhook = new WebhookTarget(new Uri(receiver.Urls.First() + "/webhooks/payments"), Secret);
            await output.WriteLineAsync($"provider {provider.BaseAddress}, webhooks {provider.Webhook.Url}, wallets {db}");

            foreach (var player in Players)
            {
                await client.AskAsync(player, new OpenWallet("open-" + player, "EUR"), stop);
            }

            var random = new Random(seed);
            var deposits = Enumerable.Range(1, 12).Select(i =>
                new PaymentRequest($"dep-{i}", Players[i % Players.Length], new Money(random.Next(10, 200) * 100L, "EUR"), (PaymentChannel)(i % 3)));
            await Task.WhenAll(deposits.Select(d => payments.DepositAsync(d, stop)));
            await QuiescentAsync(provider, 12, stop);

            provider.Fault = ProviderFault.Down;
            var stuck = await payments.WithdrawAsync(new PaymentRequest("wd-outage", "ana", new Money(1_000, "EUR"), PaymentChannel.BankTransfer), stop);
            await output.WriteLineAsync($"provider down: wd-outage {stuck.State} after {stuck.SubmitAttempts} attempts; needing an operator: {payments.NeedingOperator.Count}");
            provider.Fault = ProviderFault.None;
            await payments.ResubmitAsync("wd-outage", stop);
            var withdrawals = Players.Select((p, i) => new PaymentRequest($"wd-{i}", p, new Money(1_500, "EUR"), PaymentChannel.EWallet));
            var results = await Task.WhenAll(withdrawals.Select(w => payments.WithdrawAsync(w, stop)));
            await QuiescentAsync(provider, 13 + results.Count(r => r.State == PaymentState.AwaitingProvider), stop);
            // An abandoned checkout: begun in the wallet, never sent to the provider. Reconciliation shows it.
            await client.AskAsync("dev", new BeginDeposit("dep-abandoned", new Money(2_000, "EUR"), "card"), stop);

            await output.WriteLineAsync($"provider: {provider.Stats}");
            await output.WriteLineAsync("\nPLAYER  POSTED  PENDING-IN  PENDING-OUT  AVAILABLE");
            foreach (var player in Players)
            {
                var b = (await client.AskAsync(player, new GetBalance("balance"), stop)).Balance;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{player,-6}  {b.Posted,6}  {b.CreditsPending,10}  {b.DebitsPending,11}  {b.Available,9}"));
            }

            await File.WriteAllTextAsync(reportPath, provider.SettlementReportCsv(), stop);
            await output.WriteLineAsync($"\nsettlement report saved to {reportPath}");
        }
        finally
        {
            // Entities finish their writes, then the store closes: the reconcile step reads the file next.
            await system.Terminate();
        }
    }

    private static async Task<WebApplication> StartReceiverAsync(IWalletClient wallet, PaymentsService payments, CancellationToken stop)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(wallet).AddSingleton<IPaymentOutcomeObserver>(payments)
            .AddPaymentWebhooks(new WebhookVerifierOptions { Secrets = [Secret] });
        var app = builder.Build();
        app.MapPaymentWebhooks();
        await app.StartAsync(stop);
        return app;
    }

    private static async Task QuiescentAsync(PaymentProviderSimulator provider, int count, CancellationToken stop)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        while (!(provider.Payments.Count == count && provider.Payments.All(p => p.Status != PaymentStatus.Pending) && provider.Quiescent))
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
