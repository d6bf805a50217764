using System.Security.Cryptography;
using LiveCasino.Payments.Gateway;
using LiveCasino.Payments.Orchestration;
using LiveCasino.Payments.Simulator;
using LiveCasino.Payments.Webhooks;
using LiveCasino.Server.Options;
using LiveCasino.Server.Wallets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveCasino.Server.Payments;

/// <summary>
/// Deposits and withdrawals of the node: the <see cref="PaymentsService"/> over the wallets and the
/// provider gateway, the webhook secrets, and in demo mode the in-process provider
/// (<see cref="DemoPaymentProvider"/>, with a secret made at each start). Started after the
/// wallets; stopped before them, so no webhook arrives at a stopped wallet region.
/// </summary>
public sealed partial class PaymentsRuntime : IHostedService, IDisposable
{
    private readonly PaymentsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly IServiceProvider _services;
    private readonly LateBoundGateway _gateway = new();
    private readonly HttpClient _http;
    private readonly ILogger _log;
    private DemoPaymentProvider? _demo;

    public PaymentsRuntime(IOptions<PaymentsOptions> options, RuntimeWalletClient wallets, TimeProvider time, ILoggerFactory loggers, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _loggers = loggers;
        _services = services;
        _log = loggers.CreateLogger<PaymentsRuntime>();
        _http = new HttpClient { Timeout = _options.ProviderTimeout + TimeSpan.FromSeconds(1) };
        IReadOnlyList<string> secrets = _options.Demo ? [Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))] : [.. _options.WebhookSecrets];
        VerifierOptions = new WebhookVerifierOptions { Secrets = secrets }.Validate();
        Service = new PaymentsService(
            wallets,
            _gateway,
            new PaymentsServiceOptions { SubmitAttempts = _options.SubmitAttempts, RetryDelayInitial = _options.RetryDelayInitial, RetryDelayMax = _options.RetryDelayMax },
            time,
            loggers.CreateLogger<PaymentsService>());
    }

    public PaymentsService Service { get; }

    public WebhookVerifierOptions VerifierOptions { get; }

    public PaymentWebhookOptions WebhookOptions { get; } = new PaymentWebhookOptions().Validate();

    /// <summary>The provider's API root (the simulator's in demo mode); null before start.</summary>
    public Uri? ProviderBaseAddress { get; private set; }

    /// <summary>The in-process simulator in demo mode, else null.</summary>
    public PaymentProviderSimulator? Simulator => _demo?.Simulator;

    /// <summary>Client for the provider's API (settlement report); owned here.</summary>
    public HttpClient Http => _http;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Demo)
        {
            _demo = await DemoPaymentProvider.StartAsync(
                _options.DemoProvider, VerifierOptions.Secrets[0], _services.GetRequiredService<PaymentWebhookHandler>(), _services.GetRequiredService<WebhookVerifier>(),
                _time, _loggers, cancellationToken).ConfigureAwait(false);
            ProviderBaseAddress = _demo.BaseAddress;
            DemoStarted(_log, ProviderBaseAddress);
        }
        else
        {
            ProviderBaseAddress = _options.ProviderBaseAddress!;
        }

        _gateway.Bind(new HttpPaymentGateway(_http, new HttpPaymentGatewayOptions { BaseAddress = ProviderBaseAddress, AttemptTimeout = _options.ProviderTimeout }));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_demo is { } demo)
        {
            _demo = null;
            await demo.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(EventId = 630, Level = LogLevel.Information, Message = "Demo payment provider (simulated) running at {Address}")]
    private static partial void DemoStarted(ILogger logger, Uri address);
}
