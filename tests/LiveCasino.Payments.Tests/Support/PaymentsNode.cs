using Akka.Actor;
using LiveCasino.Persistence.Stores;
using LiveCasino.TestKit;
using LiveCasino.Stores.Journal;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Orchestration;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Wallet;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Wallets.Hosting;
using LiveCasino.Wallets.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCasino.Payments.Tests.Support;

/// <summary>
/// Everything real, on real time and loopback HTTP: a one-node Akka.NET cluster with the wallet
/// region on our journal plugin over the in-memory or a SQLite store; a Kestrel app hosting <c>MapPaymentWebhooks</c>; the simulated
/// provider posting signed webhooks to it; the HTTP gateway and <see cref="PaymentsService"/>.
/// </summary>
public sealed class PaymentsNode : IAsyncDisposable
{
    public const string Secret = "whsec_payments_node_000001";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string? _directory;

    private PaymentsNode(ActorSystem system, IJournal journal, WalletDirectory wallets, string? directory)
    {
        System = system;
        Journal = journal;
        Wallets = wallets;
        _directory = directory;
    }

    public ActorSystem System { get; }

    /// <summary>The store under the node's journal plugin (the ledger side of reconciliation reads it).</summary>
    public IJournal Journal { get; }

    public WalletDirectory Wallets { get; }

    public LoopbackHost WebhookHost { get; private set; } = null!;

    public Uri WebhookUrl => new(WebhookHost.BaseAddress, "webhooks/payments");

    public PaymentWebhookHandler Handler => WebhookHost.Services.GetRequiredService<PaymentWebhookHandler>();

    public PaymentProviderSimulator Provider { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Patience };

    public HttpPaymentGateway Gateway { get; private set; } = null!;

    public PaymentsService Payments { get; private set; } = null!;

    /// <param name="provider">Provider options; the webhook target is set here.</param>
    /// <param name="providerTime">The provider's clock (processing delays, retry backoff, signing time); real time by default.</param>
    public static async Task<PaymentsNode> StartAsync(JournalKind kind, PaymentProviderOptions provider, PaymentsServiceOptions? service = null, TimeProvider? providerTime = null)
    {
        string? directory = null;
        var hocon = WalletSerialization.EngineHocon + "\n";
        if (kind == JournalKind.Sqlite)
        {
            directory = Directory.CreateTempSubdirectory("livecasino-payments-").FullName;
            hocon += $"livecasino.persistence.sqlite.store.data-source = \"{Path.Combine(directory, "wallets.db").Replace("\\", "/", StringComparison.Ordinal)}\"";
        }
        else
        {
            hocon += TestNodes.MemoryPlugin;
        }

        var system = await TestNodes.StartAsync("payments-" + Guid.NewGuid().ToString("N")[..8], hocon);
        var journal = (await StoreRegistry.For(system).DefaultJournalStoreAsync()).Journal;
        var wallets = await WalletDirectory.StartAsync(system, new WalletOptions { IdleTimeout = null, AskTimeout = TimeSpan.FromSeconds(5), AskAttempts = 6 }, TimeProvider.System);
        var node = new PaymentsNode(system, journal, wallets, directory);
        // Provider first; its webhook endpoint is set once ours listens, as a merchant does in a provider's dashboard.
        node.Provider = new PaymentProviderSimulator(provider, providerTime);
        await node.Provider.StartAsync(CancellationToken.None);
        node.Gateway = new HttpPaymentGateway(node.Http, new HttpPaymentGatewayOptions { BaseAddress = node.Provider.BaseAddress });
        node.Payments = new PaymentsService(
            new WalletDirectoryClient(wallets), node.Gateway,
            service ?? new PaymentsServiceOptions { RetryDelayInitial = TimeSpan.FromMilliseconds(5), RetryDelayMax = TimeSpan.FromMilliseconds(50) },
            TimeProvider.System);
        node.WebhookHost = await LoopbackHost.StartAsync(
            services => services
                .AddSingleton<IWalletClient>(new WalletDirectoryClient(wallets))
                .AddSingleton<IPaymentOutcomeObserver>(node.Payments)
                .AddPaymentWebhooks(new WebhookVerifierOptions { Secrets = [Secret] }),
            app => app.MapPaymentWebhooks());
        node.Provider.Webhook = new WebhookTarget(node.WebhookUrl, Secret);
        return node;
    }

    public async Task OpenAsync(string player, string currency = "EUR")
    {
        var reply = await Wallets.AskAsync(player, new OpenWallet("open-" + player, currency));
        Assert.IsType<WalletAccepted>(reply);
    }

    public async Task<WalletBalance> BalanceAsync(string player) =>
        (await Wallets.AskAsync(player, new GetBalance("balance"))).Balance;

    /// <summary>Waits until the provider resolved <paramref name="count"/> payments and delivered every webhook.</summary>
    public Task QuiescentAsync(int count, string what) =>
        TestKit.Eventually.TrueAsync(
            () => Provider.Payments.Count == count && Provider.Payments.All(p => p.Status != PaymentStatus.Pending) && Provider.Quiescent,
            what,
            Patience);

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await WebhookHost.DisposeAsync();
        await System.Terminate().WaitAsync(Patience); // the node closes its stores
        Http.Dispose();
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }
}
